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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closed and special days, in the local calendar of the forecast zone.
 *
 * <ul>
 *   <li>French public holidays are closed unless {@code public_holidays: false};
 *   <li>{@code closed}: other closure dates;
 *   <li>{@code special_days} ({@code date}, {@code factor}): one-off events (a rent revision letter
 *       sent): the forecast of an ordinary day is multiplied by {@code factor};
 *   <li>{@code monthly_special_days} ({@code day_of_month}, {@code factor} or {@code learn}): the
 *       rent-notice day, the direct-debit day;
 *   <li>{@code periods} ({@code from}, {@code to} inclusive, {@code factor} or {@code learn}): the
 *       heating season's first weeks, the school holidays of years not built in;
 *   <li>{@code school_zone} ({@code A}, {@code B} or {@code C}): the built-in French school
 *       holidays of that zone ({@link FrenchSchoolHolidays}) are two learnt day classes, {@code
 *       school holidays} and {@code summer school holidays}.
 * </ul>
 *
 * With {@code factor: learn} (or no factor) for a recurring day or a period, the factor is learnt
 * from the history ({@link SeriesForecaster}). Closed and special days are left out of fitting and
 * of the baselines, so they do not distort the seasonal pattern.
 */
public final class ForecastCalendar {

    /** French public holidays closed, nothing else. */
    public static final ForecastCalendar FRENCH =
            new ForecastCalendar(true, Set.of(), Map.of(), Map.of(), List.of());

    /** No closure at all (every closure is learnt from the data). */
    public static final ForecastCalendar NONE =
            new ForecastCalendar(false, Set.of(), Map.of(), Map.of(), List.of());

    /** A range of dates, both ends included; {@code factor} NaN when learnt. */
    public record Period(LocalDate from, LocalDate to, double factor) {}

    private final boolean publicHolidays;
    private final Set<LocalDate> closed;
    private final Map<LocalDate, Double> special;
    private final Map<Integer, Double> monthly;
    private final List<Period> periods;
    private final String schoolZone;

    public ForecastCalendar(
            boolean publicHolidays,
            Set<LocalDate> closed,
            Map<LocalDate, Double> special,
            Map<Integer, Double> monthly) {
        this(publicHolidays, closed, special, monthly, List.of());
    }

    /** {@code NaN} factors of {@code monthly} and {@code periods} are learnt. */
    public ForecastCalendar(
            boolean publicHolidays,
            Set<LocalDate> closed,
            Map<LocalDate, Double> special,
            Map<Integer, Double> monthly,
            List<Period> periods) {
        this(publicHolidays, closed, special, monthly, periods, null);
    }

    private ForecastCalendar(
            boolean publicHolidays,
            Set<LocalDate> closed,
            Map<LocalDate, Double> special,
            Map<Integer, Double> monthly,
            List<Period> periods,
            String schoolZone) {
        this.schoolZone = schoolZone;
        this.publicHolidays = publicHolidays;
        this.closed = Set.copyOf(closed);
        this.special = Map.copyOf(special);
        this.monthly = Map.copyOf(monthly);
        this.periods = List.copyOf(periods);
    }

    /** True when the centre is closed on {@code date}: forecast 0, left out of fitting. */
    public boolean isClosed(LocalDate date) {
        return closed.contains(date) || (publicHolidays && FrenchPublicHolidays.isHoliday(date));
    }

    /** True for a special (non-ordinary) open day whose factor is given. */
    public boolean isSpecial(LocalDate date) {
        if (special.containsKey(date)) {
            return true;
        }
        Double m = monthly.get(date.getDayOfMonth());
        if (m != null && !m.isNaN()) {
            return true;
        }
        for (Period p : periods) {
            if (!Double.isNaN(p.factor()) && !date.isBefore(p.from()) && !date.isAfter(p.to())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The class of a day whose factor is learnt ({@code day-of-month 5}, {@code period 2}), or
     * null.
     */
    public String learntClass(LocalDate date) {
        if (special.containsKey(date)) {
            return null;
        }
        Double m = monthly.get(date.getDayOfMonth());
        if (m != null && m.isNaN()) {
            return "day-of-month " + date.getDayOfMonth();
        }
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            if (Double.isNaN(p.factor()) && !date.isBefore(p.from()) && !date.isAfter(p.to())) {
                return "period " + i;
            }
        }
        if (schoolZone != null) {
            FrenchSchoolHolidays.Holiday h = FrenchSchoolHolidays.holiday(schoolZone, date);
            if (h != null) {
                return h.summer() ? "summer school holidays" : "school holidays";
            }
        }
        return null;
    }

    /** The given volume factor of {@code date}: 1 on an ordinary day or a learnt one. */
    public double factor(LocalDate date) {
        Double f = special.get(date);
        if (f != null) {
            return f;
        }
        double out = 1;
        Double m = monthly.get(date.getDayOfMonth());
        if (m != null && !m.isNaN()) {
            out *= m;
        }
        for (Period p : periods) {
            if (!Double.isNaN(p.factor()) && !date.isBefore(p.from()) && !date.isAfter(p.to())) {
                out *= p.factor();
            }
        }
        return out;
    }

    /** True when French public holidays are closed. */
    public boolean publicHolidays() {
        return publicHolidays;
    }

    /** This calendar with French public holidays closed or not. */
    public ForecastCalendar withPublicHolidays(boolean closedOnHolidays) {
        return new ForecastCalendar(
                closedOnHolidays, closed, special, monthly, periods, schoolZone);
    }

    /** The school zone whose holidays are learnt day classes (A, B, C), or null. */
    public String schoolZone() {
        return schoolZone;
    }

    /**
     * This calendar with the built-in school holidays of {@code zone} ({@code A}, {@code B}, {@code
     * C}, {@code zone-a}…; {@code none} or null for none).
     *
     * @throws IllegalArgumentException for another name
     */
    public ForecastCalendar withSchoolZone(String zone) {
        String z = null;
        if (zone != null && !zone.strip().equalsIgnoreCase("none")) {
            z = FrenchSchoolHolidays.zone(zone);
            if (z == null) {
                throw new IllegalArgumentException(
                        "unknown school zone " + zone + " (A, B, C or none)");
            }
        }
        return new ForecastCalendar(publicHolidays, closed, special, monthly, periods, z);
    }

    /** This calendar with more closure dates. */
    public ForecastCalendar withClosed(Set<LocalDate> more) {
        Set<LocalDate> all = new HashSet<>(closed);
        all.addAll(more);
        return new ForecastCalendar(publicHolidays, all, special, monthly, periods, schoolZone);
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
        List<Period> periods = new ArrayList<>();
        String zone = null;
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
                        monthly.put(day.asInt(), factorOrLearn(file, d));
                    }
                }
                case "periods" -> {
                    for (JsonNode d : list(file, "periods", v)) {
                        LocalDate from = date(file, "periods.from", d.get("from"));
                        LocalDate to = date(file, "periods.to", d.get("to"));
                        if (to.isBefore(from)) {
                            throw new InputException(
                                    file + ": periods: " + to + " is before " + from);
                        }
                        periods.add(new Period(from, to, factorOrLearn(file, d)));
                    }
                }
                case "school_zone" -> {
                    zone = v.isTextual() ? FrenchSchoolHolidays.zone(v.asText()) : null;
                    if (zone == null && !(v.isTextual() && v.asText().equalsIgnoreCase("none"))) {
                        throw new InputException(
                                file + ": school_zone must be A, B, C or none, not " + v.asText());
                    }
                }
                default -> throw new InputException(file + ": unknown calendar key " + e.getKey());
            }
        }
        return new ForecastCalendar(holidays, closed, special, monthly, periods, zone);
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

    /** A factor, or NaN for {@code learn} or no factor. */
    private static double factorOrLearn(Path file, JsonNode d) {
        JsonNode f = d.get("factor");
        if (f == null || (f.isTextual() && f.asText().equals("learn"))) {
            return Double.NaN;
        }
        return factor(file, d);
    }

    private static double factor(Path file, JsonNode d) {
        JsonNode f = d.get("factor");
        if (f == null || !f.isNumber() || f.asDouble() < 0 || !Double.isFinite(f.asDouble())) {
            throw new InputException(
                    file + ": factor must be a number >= 0 (or learn where allowed)");
        }
        return f.asDouble();
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
