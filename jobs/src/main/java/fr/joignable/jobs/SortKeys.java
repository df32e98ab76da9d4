package fr.joignable.jobs;

import fr.joignable.domain.table.DayPartition;
import java.io.IOException;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.util.SerializedThrowable;

/**
 * The keys of the keyed stages. Live, a stage is keyed by its id as a string, as it always was (the
 * state of a savepoint is keyed so). A bounded run keys by a 64-bit hash of the id instead: batch
 * mode sorts every keyed input by key and time, and a string key has no normalized key, so each
 * comparison of that sort walked the serialized ids byte by byte (a quarter of a year's samples,
 * {@code docs/kpi-job.md}); a {@code long} is a normalized key of 8 bytes, compared in one call
 * (only records of one key still compare their times through the records).
 *
 * <p>Two ids with the same hash would share a key, and with it the functions' state: so every
 * hashed stage checks that a key holds one id ({@link Ids}, or the id already in its state) and
 * throws {@link Collision} otherwise; {@link FileKpiRun} then runs again with string keys. The
 * tables are therefore those of string keys whatever the hash does; a collision only costs a second
 * run (about one chance in 10^7 for a year's two million event ids).
 */
final class SortKeys {

    private SortKeys() {}

    /** A stage's key: its id, or the id's hash in a bounded run. */
    static <T> KeyedStream<T, Object> byId(
            DataStream<T> stream, KeySelector<T, String> id, boolean hashed, long mask) {
        if (hashed) {
            return stream.keyBy(e -> hash(id.getKey(e)) & mask, longs());
        }
        return stream.keyBy(id::getKey, strings());
    }

    /**
     * An interval cell's key: its text, or in a bounded run its day and hash ({@link DayCellKey}),
     * which also groups the aggregates' rows by day.
     */
    static <T> KeyedStream<T, Object> byCell(
            DataStream<T> stream,
            KeySelector<T, Long> intervalStart,
            KeySelector<T, String> cell,
            boolean hashed,
            long mask) {
        if (hashed) {
            return stream.keyBy(
                    e ->
                            new DayCellKey(
                                    DayPartition.epochDayOf(intervalStart.getKey(e)),
                                    hash(cell.getKey(e)) & mask),
                    dayCells());
        }
        return stream.keyBy(cell::getKey, strings());
    }

    @SuppressWarnings("unchecked")
    private static TypeInformation<Object> dayCells() {
        return (TypeInformation<Object>) (TypeInformation<?>) DayCellKey.Type.INSTANCE;
    }

    @SuppressWarnings("unchecked")
    private static TypeInformation<Object> longs() {
        return (TypeInformation<Object>) (TypeInformation<?>) Types.LONG;
    }

    @SuppressWarnings("unchecked")
    private static TypeInformation<Object> strings() {
        return (TypeInformation<Object>) (TypeInformation<?>) Types.STRING;
    }

    /**
     * A 64-bit hash of a string's characters (null hashes as the empty string's neighbour): four
     * characters to a block, the last block padded with zeros (the length, in the seed, tells the
     * padding from characters), and each block folded into the state by one bijective mix. Two ids
     * of equal length that differ in one block never collide; otherwise a collision needs a later
     * block to undo exactly the state's difference, as unlikely as a random 64-bit collision for
     * ids of digits and letters. It only costs a second run ({@link Collision}), never a table.
     */
    static long hash(String s) {
        if (s == null) {
            return 0x5bd1e9955bd1e995L;
        }
        int n = s.length();
        long h = 0x9E3779B97F4A7C15L ^ n;
        int i = 0;
        // the stages compute a key several times per record: one mix per four characters
        for (; i + 4 <= n; i += 4) {
            long k =
                    (long) s.charAt(i)
                            | (long) s.charAt(i + 1) << 16
                            | (long) s.charAt(i + 2) << 32
                            | (long) s.charAt(i + 3) << 48;
            h = mix(h ^ k);
        }
        if (i < n || n == 0) {
            long k = 0;
            for (int shift = 0; i < n; i++, shift += 16) {
                k |= (long) s.charAt(i) << shift;
            }
            h = mix(h ^ k);
        }
        return h;
    }

    /** MurmurHash3's 64-bit finalizer: a bijection, so distinct blocks never cancel out. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Two ids met under one hashed key: the run is made again with string keys. */
    static final class Collision extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Collision(String stage) {
            super("two ids of " + stage + " have the same 64-bit key hash");
        }
    }

    /** True when {@code e} or one of its causes is a {@link Collision}. */
    static boolean isCollision(Throwable e) {
        return collision(e) != null;
    }

    /** The message of the {@link Collision} among {@code e} and its causes, or null. */
    static String collision(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Collision
                    || (t instanceof SerializedThrowable st
                            && Collision.class.getName().equals(st.getOriginalErrorClassName()))) {
                return String.valueOf(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The one id of the current hashed key, remembered from its first record. */
    static final class Ids {
        private final String stage;
        private final ValueState<String> id;

        Ids(RuntimeContext rc, String stage) {
            this.stage = stage;
            this.id = rc.getState(new ValueStateDescriptor<>("key-id", String.class));
        }

        /** Records the key's id, or throws when the key already holds another one. */
        void check(String current) throws IOException {
            String known = id.value();
            if (known == null) {
                id.update(current);
            } else if (!known.equals(current)) {
                throw new Collision(stage);
            }
        }

        /** The id of the current key (after a {@link #check}). */
        String current() throws IOException {
            return id.value();
        }
    }
}
