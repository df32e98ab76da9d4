package fr.joignable.forecasting.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.time.Durations;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shift rules of {@code joignable schedule} (YAML {@code --rules}), all durations in minutes.
 * Defaults (see {@code docs/scheduling.md}): the demo centre's opening hours (Monday–Friday
 * 08:30–17:30 Europe/Paris, closed on French public holidays), shifts of 4, 6, 7 or 8 paid hours
 * starting on the quarter hour from 15 min before opening and ending at the latest 15 min after
 * closing; a 45-min unpaid lunch starting on the half hour between 11:30 and 13:00 (ending by
 * 14:00) for shifts of 6 h or more; a paid 15-min break in each stretch of work of 2 h 30 or more;
 * French labour law: at most 10 h of work a day (Code du travail L3121-18), a 20-min break once 6 h
 * are worked (L3121-16: no stretch over 6 h without it), 11 h of rest between shifts (L3131-1), two
 * days off a week, 35 h a week for a full-time contract (L3121-27, scaled by {@code fte}).
 *
 * @param zone local time zone of the schedule (dates, start and end times)
 * @param openDays days of the week the centre is open
 * @param closedOnPublicHolidays whether French public holidays are closed days
 * @param opens opening time
 * @param closes closing time
 * @param earliestBeforeOpen a shift may start this long before opening
 * @param latestAfterClose a shift may end this long after closing
 * @param startStep shift starts fall on multiples of this (minutes after midnight)
 * @param lengths allowed paid lengths of a shift (lunch excluded, breaks included)
 * @param maxDaily most paid minutes in a day
 * @param lunchLength unpaid lunch length
 * @param lunchFrom shifts of at least this many paid minutes take a lunch
 * @param lunchEarliest the lunch starts at this time or later
 * @param lunchLatestEnd the lunch ends at this time or earlier
 * @param lunchStep lunch starts fall on multiples of this
 * @param minWorkAroundLunch the least work before and after the lunch
 * @param breakLength length of a short paid break
 * @param breakFromStretch a stretch of work at least this long gets a short break at its middle
 * @param legalBreakAfter the longest stretch of work without a legal break (20 min or longer)
 * @param legalBreakLength length of the legal break placed in a shift without lunch
 * @param rest minimum rest between the end of a shift and the start of the next
 * @param daysOffPerWeek minimum days off in a calendar week (Monday–Sunday)
 * @param weeklyMinutes a full-time week; an agent works at most {@code fte} times this
 * @param minContractShare an agent works at least this share of his contract each full week
 * @param shortfallWeight cost of one agent-minute under the plan, in paid minutes
 * @param breakMinWorkAround a short break may move inside its stretch of work ({@link
 *     BreakPlacement}) as long as this much work stays on each side and neither side reaches {@code
 *     breakFromStretch}
 * @param poolShortfallWeight in every interval, each agent-minute missing in a queue's own pool
 *     (the agents trained in it, {@link SkillSets#poolOf}) costs this many times {@code
 *     shortfallWeight} on top of the interval's Hall deficiency: without it a narrow pool's
 *     shortfall is free whenever the whole interval is at least as short
 * @param minPaidShareOfPlan each week's shifts pay at least this share of the plan's agent-hours of
 *     that week (capped by the contracts): the hours the plan asks for are spent, where the
 *     coverage gains most, instead of being saved where they would only cover an over-served
 *     afternoon; 0: off
 */
public record ShiftRules(
        ZoneId zone,
        Set<DayOfWeek> openDays,
        boolean closedOnPublicHolidays,
        LocalTime opens,
        LocalTime closes,
        int earliestBeforeOpen,
        int latestAfterClose,
        int startStep,
        List<Integer> lengths,
        int maxDaily,
        int lunchLength,
        int lunchFrom,
        LocalTime lunchEarliest,
        LocalTime lunchLatestEnd,
        int lunchStep,
        int minWorkAroundLunch,
        int breakLength,
        int breakFromStretch,
        int legalBreakAfter,
        int legalBreakLength,
        int rest,
        int daysOffPerWeek,
        int weeklyMinutes,
        double minContractShare,
        double shortfallWeight,
        int breakMinWorkAround,
        double poolShortfallWeight,
        double minPaidShareOfPlan) {

    public ShiftRules {
        openDays = Set.copyOf(openDays);
        lengths = List.copyOf(lengths);
    }

    public static ShiftRules defaults() {
        return new ShiftRules(
                ZoneId.of("Europe/Paris"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                true,
                LocalTime.of(8, 30),
                LocalTime.of(17, 30),
                15,
                15,
                15,
                List.of(240, 360, 420, 480),
                600,
                45,
                360,
                LocalTime.of(11, 30),
                LocalTime.of(14, 0),
                30,
                60,
                15,
                150,
                360,
                20,
                660,
                2,
                35 * 60,
                0.0,
                3.0,
                45,
                DEFAULT_POOL_WEIGHT,
                DEFAULT_PAID_SHARE);
    }

    /**
     * Default {@code pool_shortfall_weight}. The system property {@code
     * joignable.schedule.basePoolWeight} overrides it, for measurements.
     */
    static final double DEFAULT_POOL_WEIGHT =
            Double.parseDouble(System.getProperty("joignable.schedule.basePoolWeight", "0.5"));

    /**
     * Default {@code min_paid_share_of_plan}. The system property {@code
     * joignable.schedule.paidShare} overrides it, for measurements.
     */
    static final double DEFAULT_PAID_SHARE =
            Double.parseDouble(System.getProperty("joignable.schedule.paidShare", "0"));

    /** The earliest minute of the day a shift may start. */
    int earliestStart() {
        return opens.toSecondOfDay() / 60 - earliestBeforeOpen;
    }

    /** The latest minute of the day a shift may end. */
    int latestEnd() {
        return closes.toSecondOfDay() / 60 + latestAfterClose;
    }

    /** Reads a rules file: every key optional, unknown keys are errors (a typo must not pass). */
    public static ShiftRules read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InputException(file + ": file not found");
        } catch (IOException e) {
            throw new InputException(file + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        ShiftRules d = defaults();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return d;
        }
        Reader r = new Reader(file);
        r.keys(
                root,
                "",
                "zone",
                "opening",
                "shifts",
                "lunch",
                "breaks",
                "legal_break",
                "rest_between_shifts",
                "days_off_per_week",
                "weekly_hours",
                "min_contract_share",
                "shortfall_weight",
                "pool_shortfall_weight",
                "min_paid_share_of_plan");
        JsonNode opening = r.object(root, "opening");
        JsonNode shifts = r.object(root, "shifts");
        JsonNode lunch = r.object(root, "lunch");
        JsonNode breaks = r.object(root, "breaks");
        JsonNode legal = r.object(root, "legal_break");
        r.keys(opening, "opening.", "days", "open", "close", "closed_on_public_holidays");
        r.keys(
                shifts,
                "shifts.",
                "lengths",
                "start_step",
                "earliest_before_open",
                "latest_after_close",
                "max_daily");
        r.keys(
                lunch,
                "lunch.",
                "length",
                "from",
                "earliest",
                "latest_end",
                "step",
                "min_work_around");
        r.keys(breaks, "breaks.", "length", "from_stretch", "min_work_around");
        r.keys(legal, "legal_break.", "after", "length");
        ZoneId zone = d.zone;
        if (root.has("zone")) {
            try {
                zone = ZoneId.of(root.get("zone").asText());
            } catch (RuntimeException e) {
                throw new InputException(
                        file + ": zone '" + root.get("zone").asText() + "' unknown");
            }
        }
        ShiftRules rules =
                new ShiftRules(
                        zone,
                        r.days(opening, "opening.days", d.openDays),
                        r.bool(opening, "closed_on_public_holidays", d.closedOnPublicHolidays),
                        r.time(opening, "open", d.opens),
                        r.time(opening, "close", d.closes),
                        r.minutes(shifts, "earliest_before_open", d.earliestBeforeOpen),
                        r.minutes(shifts, "latest_after_close", d.latestAfterClose),
                        r.minutes(shifts, "start_step", d.startStep),
                        r.minuteList(shifts, "shifts.lengths", d.lengths),
                        r.minutes(shifts, "max_daily", d.maxDaily),
                        r.minutes(lunch, "length", d.lunchLength),
                        r.minutes(lunch, "from", d.lunchFrom),
                        r.time(lunch, "earliest", d.lunchEarliest),
                        r.time(lunch, "latest_end", d.lunchLatestEnd),
                        r.minutes(lunch, "step", d.lunchStep),
                        r.minutes(lunch, "min_work_around", d.minWorkAroundLunch),
                        r.minutes(breaks, "length", d.breakLength),
                        r.minutes(breaks, "from_stretch", d.breakFromStretch),
                        r.minutes(legal, "after", d.legalBreakAfter),
                        r.minutes(legal, "length", d.legalBreakLength),
                        r.minutes(root, "rest_between_shifts", d.rest),
                        r.integer(root, "days_off_per_week", d.daysOffPerWeek, 0, 6),
                        r.minutes(root, "weekly_hours", d.weeklyMinutes),
                        r.decimal(root, "min_contract_share", d.minContractShare, 0, 1),
                        r.decimal(root, "shortfall_weight", d.shortfallWeight, 0, 1e6),
                        r.minutes(breaks, "min_work_around", d.breakMinWorkAround),
                        r.decimal(root, "pool_shortfall_weight", d.poolShortfallWeight, 0, 1e6),
                        r.decimal(root, "min_paid_share_of_plan", d.minPaidShareOfPlan, 0, 1.1));
        rules.check(file);
        return rules;
    }

    /** Consistency checks; throws an {@link InputException} naming the rule at fault. */
    void check(Path file) {
        String where = file + ": ";
        if (!opens.isBefore(closes)) {
            throw new InputException(where + "opening.open must be before opening.close");
        }
        if (startStep <= 0 || lunchStep <= 0) {
            throw new InputException(where + "shifts.start_step and lunch.step must be positive");
        }
        if (lengths.isEmpty()) {
            throw new InputException(where + "shifts.lengths is empty");
        }
        for (int l : lengths) {
            if (l <= 0 || l > maxDaily) {
                throw new InputException(
                        where
                                + "shift length "
                                + l
                                + " min outside (0, max_daily "
                                + maxDaily
                                + "]");
            }
        }
        if (legalBreakLength < 20 && legalBreakLength > 0) {
            throw new InputException(where + "legal_break.length below 20 min (Code du travail)");
        }
        if (openDays.isEmpty()) {
            throw new InputException(where + "opening.days is empty");
        }
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Typed access to the YAML tree with one-line errors naming the key. */
    private record Reader(Path file) {

        void keys(JsonNode node, String prefix, String... allowed) {
            if (node == null) {
                return;
            }
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!List.of(allowed).contains(k)) {
                    throw new InputException(
                            file
                                    + ": unknown key '"
                                    + prefix
                                    + k
                                    + "' (known: "
                                    + String.join(", ", allowed)
                                    + ")");
                }
            }
        }

        JsonNode object(JsonNode root, String key) {
            JsonNode n = root.get(key);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isObject()) {
                throw new InputException(file + ": '" + key + "' must be a mapping");
            }
            return n;
        }

        int minutes(JsonNode node, String key, int fallback) {
            if (node == null || !node.has(key)) {
                return fallback;
            }
            String text = node.get(key).asText();
            try {
                double s = Durations.parseSeconds(text);
                if (s < 0 || s % 60 != 0) {
                    throw new IllegalArgumentException("not whole minutes");
                }
                return (int) (s / 60);
            } catch (IllegalArgumentException e) {
                throw new InputException(
                        file
                                + ": '"
                                + key
                                + "' = '"
                                + text
                                + "' is not a duration in whole minutes");
            }
        }

        List<Integer> minuteList(JsonNode node, String key, List<Integer> fallback) {
            String leaf = key.substring(key.indexOf('.') + 1);
            if (node == null || !node.has(leaf)) {
                return fallback;
            }
            JsonNode list = node.get(leaf);
            if (!list.isArray()) {
                throw new InputException(file + ": '" + key + "' must be a list of durations");
            }
            List<Integer> out = new ArrayList<>();
            for (JsonNode item : list) {
                com.fasterxml.jackson.databind.node.ObjectNode one =
                        new ObjectMapper().createObjectNode().set(leaf, item);
                out.add(minutes(one, leaf, 0));
            }
            return out;
        }

        LocalTime time(JsonNode node, String key, LocalTime fallback) {
            if (node == null || !node.has(key)) {
                return fallback;
            }
            String text = node.get(key).asText();
            try {
                return LocalTime.parse(text.length() == 4 ? "0" + text : text);
            } catch (DateTimeParseException e) {
                throw new InputException(
                        file + ": '" + key + "' = '" + text + "' is not a time HH:MM");
            }
        }

        boolean bool(JsonNode node, String key, boolean fallback) {
            if (node == null || !node.has(key)) {
                return fallback;
            }
            JsonNode v = node.get(key);
            if (!v.isBoolean()) {
                throw new InputException(file + ": '" + key + "' must be true or false");
            }
            return v.asBoolean();
        }

        int integer(JsonNode node, String key, int fallback, int min, int max) {
            if (node == null || !node.has(key)) {
                return fallback;
            }
            JsonNode v = node.get(key);
            if (!v.canConvertToInt()
                    || !v.isIntegralNumber()
                    || v.asInt() < min
                    || v.asInt() > max) {
                throw new InputException(
                        file
                                + ": '"
                                + key
                                + "' = '"
                                + v.asText()
                                + "' must be an integer in ["
                                + min
                                + ", "
                                + max
                                + "]");
            }
            return v.asInt();
        }

        double decimal(JsonNode node, String key, double fallback, double min, double max) {
            if (node == null || !node.has(key)) {
                return fallback;
            }
            JsonNode v = node.get(key);
            if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
                throw new InputException(
                        file
                                + ": '"
                                + key
                                + "' = '"
                                + v.asText()
                                + "' must be a number in ["
                                + min
                                + ", "
                                + max
                                + "]");
            }
            return v.asDouble();
        }

        Set<DayOfWeek> days(JsonNode node, String key, Set<DayOfWeek> fallback) {
            String leaf = key.substring(key.indexOf('.') + 1);
            if (node == null || !node.has(leaf)) {
                return fallback;
            }
            JsonNode list = node.get(leaf);
            if (!list.isArray()) {
                throw new InputException(
                        file + ": '" + key + "' must be a list of days (MONDAY...)");
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (JsonNode item : list) {
                String t = item.asText().toUpperCase(Locale.ROOT);
                DayOfWeek found = null;
                for (DayOfWeek dow : DayOfWeek.values()) {
                    if (dow.name().equals(t) || dow.name().startsWith(t) && t.length() >= 3) {
                        found = dow;
                    }
                }
                if (found == null) {
                    throw new InputException(
                            file + ": '" + key + "' has an unknown day '" + item.asText() + "'");
                }
                days.add(found);
            }
            return days;
        }
    }
}
