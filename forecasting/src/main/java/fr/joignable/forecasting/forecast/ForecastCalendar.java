package fr.joignable.forecasting.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.time.FrenchPublicHolidays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Closed and special days, in the local calendar of the forecast zone.
 *
 * <ul>
 *   <li>French public holidays are closed unless {@code public_holidays: false};
 *   <li>{@code closed}: other closure dates;
 *   <li>{@code special_days} ({@code date}, {@code factor}) and {@code monthly_special_days}
 *       ({@code day_of_month}, {@code factor}), e.g. the rent-notice day: the forecast of an
 *       ordinary day is multiplied by {@code factor}.
 * </ul>
 *
 * Closed and special days are left out of fitting and of the baselines, so they do not distort the
 * seasonal pattern.
 */
public final class ForecastCalendar {

    /** French public holidays closed, nothing else. */
    public static final ForecastCalendar FRENCH =
            new ForecastCalendar(true, Set.of(), Map.of(), Map.of());

    /** No closure at all (every closure is learnt from the data). */
    public static final ForecastCalendar NONE =
            new ForecastCalendar(false, Set.of(), Map.of(), Map.of());

    private final boolean publicHolidays;
    private final Set<LocalDate> closed;
    private final Map<LocalDate, Double> special;
    private final Map<Integer, Double> monthly;

    public ForecastCalendar(
            boolean publicHolidays,
            Set<LocalDate> closed,
            Map<LocalDate, Double> special,
            Map<Integer, Double> monthly) {
        this.publicHolidays = publicHolidays;
        this.closed = Set.copyOf(closed);
        this.special = Map.copyOf(special);
        this.monthly = Map.copyOf(monthly);
    }

    /** True when the centre is closed on {@code date}: forecast 0, left out of fitting. */
    public boolean isClosed(LocalDate date) {
        return closed.contains(date) || (publicHolidays && FrenchPublicHolidays.isHoliday(date));
    }

    /** True for a special (non-ordinary) open day. */
    public boolean isSpecial(LocalDate date) {
        return special.containsKey(date) || monthly.containsKey(date.getDayOfMonth());
    }

    /** The volume factor of {@code date}: 1 on an ordinary day. */
    public double factor(LocalDate date) {
        Double f = special.get(date);
        if (f != null) {
            return f;
        }
        return monthly.getOrDefault(date.getDayOfMonth(), 1.0);
    }

    /** True when French public holidays are closed. */
    public boolean publicHolidays() {
        return publicHolidays;
    }

    /** This calendar with French public holidays closed or not. */
    public ForecastCalendar withPublicHolidays(boolean closedOnHolidays) {
        return new ForecastCalendar(closedOnHolidays, closed, special, monthly);
    }

    /** This calendar with more closure dates. */
    public ForecastCalendar withClosed(Set<LocalDate> more) {
        Set<LocalDate> all = new HashSet<>(closed);
        all.addAll(more);
        return new ForecastCalendar(publicHolidays, all, special, monthly);
    }

    /** Reads a YAML calendar file. */
    public static ForecastCalendar load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("calendar file not found: " + file);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException("cannot read calendar " + file + ": " + firstLine(e), e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return FRENCH;
        }
        if (!root.isObject()) {
            throw new InputException(file + ": a calendar is a YAML mapping");
        }
        boolean holidays = true;
        Set<LocalDate> closed = new HashSet<>();
        Map<LocalDate, Double> special = new HashMap<>();
        Map<Integer, Double> monthly = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "public_holidays" -> {
                    if (!v.isBoolean()) {
                        throw new InputException(file + ": public_holidays must be true or false");
                    }
                    holidays = v.asBoolean();
                }
                case "closed" -> {
                    for (JsonNode d : list(file, "closed", v)) {
                        closed.add(date(file, "closed", d));
                    }
                }
                case "special_days" -> {
                    for (JsonNode d : list(file, "special_days", v)) {
                        special.put(
                                date(file, "special_days.date", d.get("date")), factor(file, d));
                    }
                }
                case "monthly_special_days" -> {
                    for (JsonNode d : list(file, "monthly_special_days", v)) {
                        JsonNode day = d.get("day_of_month");
                        if (day == null
                                || !day.canConvertToInt()
                                || day.asInt() < 1
                                || day.asInt() > 31) {
                            throw new InputException(
                                    file + ": monthly_special_days.day_of_month must be 1..31");
                        }
                        monthly.put(day.asInt(), factor(file, d));
                    }
                }
                default -> throw new InputException(file + ": unknown calendar key " + e.getKey());
            }
        }
        return new ForecastCalendar(holidays, closed, special, monthly);
    }

    private static Iterable<JsonNode> list(Path file, String field, JsonNode v) {
        if (!v.isArray()) {
            throw new InputException(file + ": " + field + " must be a list");
        }
        return v;
    }

    private static LocalDate date(Path file, String field, JsonNode d) {
        if (d == null || !d.isTextual()) {
            throw new InputException(file + ": " + field + " needs a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(d.asText());
        } catch (DateTimeParseException e) {
            throw new InputException(file + ": " + field + ": not a date: " + d.asText());
        }
    }

    private static double factor(Path file, JsonNode d) {
        JsonNode f = d.get("factor");
        if (f == null || !f.isNumber() || f.asDouble() < 0 || !Double.isFinite(f.asDouble())) {
            throw new InputException(file + ": factor must be a number >= 0");
        }
        return f.asDouble();
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
