package fr.joignable.cli;

import fr.joignable.domain.privacy.TenantPseudonymizer;
import fr.joignable.inputs.InputFormat;
import fr.joignable.inputs.Mapping;
import fr.joignable.jobs.options.PseudonymizeOptions;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What {@code convert}, {@code kpi --from} and {@code ingest} share: format, mapping, key. */
final class InputsSupport {

    private InputsSupport() {}

    /** {@code --from FORMAT}: one of {@link InputFormat#names()}. */
    static final class FormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            InputFormat f = InputFormat.byName(value.strip());
            if (f == null) {
                throw new TypeConversionException(
                        "unknown format '"
                                + value
                                + "' (expected one of "
                                + InputFormat.names()
                                + ")");
            }
            return f;
        }
    }

    static Mapping mapping(Path file) {
        return file == null ? Mapping.defaults() : Mapping.load(file);
    }

    /** The pseudonymiser the options ask for, or {@code null}; the key is never printed. */
    static TenantPseudonymizer pseudonymizer(PseudonymizeOptions o) {
        return o.pseudonymizer();
    }
}
