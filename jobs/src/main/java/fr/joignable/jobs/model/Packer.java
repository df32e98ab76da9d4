package fr.joignable.jobs.model;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The bytes of one record of the hand-written serializers ({@link ContactDeltaSerializer} and the
 * others of this package), assembled in an array and written in one call: Flink's paged views pay a
 * bounds check and a call for every byte written (as {@link JobEventSerializer} found). Longs are
 * zig-zag varints (most counts are 0 or ±1: one byte, not eight, to sort and shuffle); strings are
 * {@link StringValue#writeString}'s bytes (null included), read back with {@link
 * StringValue#readString}.
 */
final class Packer {

    private byte[] b;
    private int at;

    Packer(int capacity) {
        b = new byte[capacity];
    }

    Packer varLong(long v) {
        room(10);
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            b[at++] = (byte) ((z & 0x7F) | 0x80);
            z >>>= 7;
        }
        b[at++] = (byte) z;
        return this;
    }

    Packer bool(boolean v) {
        room(1);
        b[at++] = (byte) (v ? 1 : 0);
        return this;
    }

    Packer string(String v) {
        // a char takes at most 3 bytes, the length at most 5
        room(v == null ? 1 : 5 + 3 * v.length());
        at = JobEventSerializer.putString(b, at, v);
        return this;
    }

    void writeTo(DataOutputView out) throws IOException {
        out.write(b, 0, at);
    }

    private void room(int n) {
        if (at + n > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, at + n));
        }
    }

    static long readVarLong(DataInputView in) throws IOException {
        long z = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 63) {
                throw new IOException("varint longer than 10 bytes");
            }
            byte x = in.readByte();
            z |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return (z >>> 1) ^ -(z & 1);
            }
        }
    }

    static void copyVarLong(DataInputView in, DataOutputView out) throws IOException {
        for (int i = 0; i < 10; i++) {
            byte x = in.readByte();
            out.writeByte(x);
            if (x >= 0) {
                return;
            }
        }
        throw new IOException("varint longer than 10 bytes");
    }

    static boolean readBool(DataInputView in) throws IOException {
        byte x = in.readByte();
        if (x != 0 && x != 1) {
            throw new IOException("boolean byte " + x);
        }
        return x == 1;
    }
}
