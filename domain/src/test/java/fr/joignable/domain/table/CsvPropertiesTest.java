package fr.joignable.domain.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** What {@link Csv#line} writes, {@link Csv#read} reads back field for field (jqwik). */
class CsvPropertiesTest {

    /**
     * Free text as a queue name may be (commas, quotes, semicolons, line breaks, accents), without
     * surrounding white space, which the reader strips.
     */
    @Provide
    Arbitrary<String> field() {
        return Arbitraries.strings()
                .withChars("abcXYZé ,;\"'\n\r-_")
                .ofMaxLength(12)
                .map(String::strip);
    }

    @Property(tries = 300)
    void writtenFieldsReadBack(@ForAll @Size(min = 1, max = 6) List<@From("field") String> rows0)
            throws IOException {
        // two columns: a free-text one and a key, so no record is a lone empty field
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < rows0.size(); i++) {
            rows.add(List.of(rows0.get(i), "k" + i));
        }
        StringBuilder text = new StringBuilder("text,key\n");
        for (List<String> r : rows) {
            text.append(Csv.line(r)).append('\n');
        }
        Path p = Files.createTempFile("csv-property", ".csv");
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
            List<List<String>> back = new ArrayList<>();
            for (Csv.Row r : Csv.read(p).rows()) {
                back.add(r.fields());
            }
            assertThat(back).isEqualTo(rows);
        } finally {
            Files.deleteIfExists(p);
        }
    }
}
