package fr.joignable.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/**
 * {@link ParquetTables#codecs}: one ZSTD context for all the pages of a file, so each page must
 * come out as if compressed alone, and any ZSTD reader must read it back.
 */
class ParquetCodecsTest {

    private static byte[] page(long seed, int size) {
        // column-like data: repeated values with some noise, as a day's page holds
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < size) {
            sb.append("LOYERS,PHONE,").append(r.nextInt(40)).append(';');
        }
        return sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void eachPageIsAWholeZstdFrameWhateverCameBefore() throws Exception {
        CompressionCodecFactory codecs = ParquetTables.codecs(new Configuration(false));
        BytesInputCompressor zstd = codecs.getCompressor(CompressionCodecName.ZSTD);
        assertThat(zstd.getCodecName()).isEqualTo(CompressionCodecName.ZSTD);
        byte[] a = page(1, 20_000);
        byte[] b = page(2, 3_000);
        byte[] first = zstd.compress(BytesInput.from(a)).toByteArray();
        byte[] other = zstd.compress(BytesInput.from(b)).toByteArray();
        byte[] again = zstd.compress(BytesInput.from(a)).toByteArray();
        // the reused context carries nothing from one page to the next
        assertThat(again).isEqualTo(first);
        assertThat(Zstd.decompress(first, a.length)).isEqualTo(a);
        assertThat(Zstd.decompress(other, b.length)).isEqualTo(b);
        assertThat(first.length).isLessThan(a.length / 2);
        codecs.release();
    }

    @Test
    void theLevelIsZstdsDefaultThree() throws Exception {
        byte[] a = page(3, 50_000);
        CompressionCodecFactory codecs = ParquetTables.codecs(new Configuration(false));
        byte[] ours =
                codecs.getCompressor(CompressionCodecName.ZSTD)
                        .compress(BytesInput.from(a))
                        .toByteArray();
        codecs.release();
        assertThat(ours).isEqualTo(Zstd.compress(a, 3));
    }
}
