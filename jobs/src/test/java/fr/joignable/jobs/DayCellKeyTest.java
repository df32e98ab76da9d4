package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The cell key of bounded runs: round trip, and sorted bytes keep each day's cells together. */
class DayCellKeyTest {

    static byte[] bytes(DayCellKey k) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(16);
        DayCellKey.Serializer.INSTANCE.serialize(k, out);
        return out.getCopyOfBuffer();
    }

    @Test
    void roundTripsDaysAndHashesIncludingNegativeOnes() throws Exception {
        for (DayCellKey k :
                List.of(
                        new DayCellKey(20_731, SortKeys.hash("1790000000000|LOYERS|PHONE")),
                        new DayCellKey(-1, -1L),
                        new DayCellKey(DayCellKey.MAX_DAY, Long.MIN_VALUE),
                        new DayCellKey(-DayCellKey.MAX_DAY - 1, 0))) {
            byte[] b = bytes(k);
            assertThat(b).hasSize(DayCellKey.Serializer.INSTANCE.getLength());
            DayCellKey back =
                    DayCellKey.Serializer.INSTANCE.deserialize(new DataInputDeserializer(b));
            assertThat(back).isEqualTo(k);
            assertThat(back.day).isEqualTo(k.day);
            assertThat(back.hashCode()).isEqualTo(Long.hashCode(k.day));
        }
        assertThatThrownBy(() -> new DayCellKey(DayCellKey.MAX_DAY + 1, 0))
                .isInstanceOf(SortKeys.Collision.class);
    }

    @Test
    void sortedKeysComeDayAfterDayAndTheFirstEightBytesTellCellsApart() throws Exception {
        Random r = new Random(3);
        List<byte[]> keys = new ArrayList<>();
        Set<Long> heads = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            long day = 20_000 + r.nextInt(40) - (i % 7 == 0 ? 40_000 : 0);
            byte[] b = bytes(new DayCellKey(day, SortKeys.hash("cell-" + i)));
            keys.add(b);
            heads.add(java.nio.ByteBuffer.wrap(b).getLong());
        }
        // Flink's sorter compares the first 8 bytes alone: distinct cells must differ there
        assertThat(heads).hasSize(keys.size());
        keys.sort(Arrays::compareUnsigned);
        Set<Long> seen = new LinkedHashSet<>();
        long previous = Long.MIN_VALUE;
        for (byte[] b : keys) {
            long day = java.nio.ByteBuffer.wrap(b).getLong() >> 40;
            if (day != previous) {
                assertThat(seen.add(day)).as("day %d comes back after another day", day).isTrue();
                previous = day;
            }
        }
        assertThat(seen).hasSizeGreaterThan(40);
    }
}
