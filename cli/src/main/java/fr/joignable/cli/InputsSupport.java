package fr.joignable.cli;

import fr.joignable.domain.config.JoignableConfig;
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

    /**
     * The queue map: {@code --mapping FILE} when given, else the {@code mapping:} section of the
     * centre's {@code joignable.yaml} (same keys as the mapping file), else the documented
     * defaults.
     */
    static Mapping mapping(Path file, ConfigFileOptions config) {
        if (file != null) {
            return Mapping.load(file);
        }
        return mapping(config.located().isPresent() ? config.load() : null);
    }

    /** The {@code mapping:} section of {@code config}, or the defaults without one. */
    static Mapping mapping(JoignableConfig config) {
        if (config == null || !config.tree().has("mapping")) {
            return Mapping.defaults();
        }
        String where =
                config.source().map(Path::toString).orElse(JoignableConfig.FILE_NAME) + ": mapping";
        return Mapping.parse(config.tree().get("mapping"), where);
    }

    /** The pseudonymiser the options ask for, or {@code null}; the key is never printed. */
    static TenantPseudonymizer pseudonymizer(PseudonymizeOptions o) {
        return o.pseudonymizer();
    }
}
