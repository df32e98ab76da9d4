package fr.joignable.forecasting.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * School holidays of metropolitan France by zone (A, B, C), school years 2018-19 (from Christmas
 * 2018) to 2026-27, and part of 2027-28, as fixed by the Ministry of Education (Ministère de
 * l'Éducation nationale, "Calendrier scolaire", the official calendars fixed by arrêté; data set
 * "fr-en-calendrier-scolaire" of data.education.gouv.fr).
 *
 * <p>Sources. 2018-19 to 2025-26: transcribed from the day-by-day table of the open-source package
 * {@code vacances-scolaires-france} (A. Augusti, MIT licence), which is built from that data set.
 * The Ascension bridge of 2026 (no school on Friday 15 and Saturday 16 May 2026) and the end of
 * summer 2026 (school resumes on Tuesday 1 September 2026): macommune.info (19 August 2025) and
 * avis-parents.com ("Vacances scolaires 2026-2027 : dates officielles par zone", March 2026).
 * 2026-27 (arrêté of 22 October 2025, as cited by avis-parents.com): Toussaint 17 October – 2
 * November 2026 and Christmas 19 December 2026 – 4 January 2027 for all zones (espritmaman.com and
 * the sources below); winter 13 February – 1 March 2027 (A), 20 February – 8 March (B), 6 – 22
 * February (C); spring 10 – 26 April 2027 (A), 17 April – 3 May (B), 3 – 19 April (C); the
 * Ascension bridge on Friday 7 May 2027; summer from Saturday 3 July 2027, school resuming on
 * Thursday 2 September 2027 (dates from the last day of class to the morning school resumes). The
 * official text could not be read here: the dates come from published third-party calendars.
 * Toussaint and Christmas agree in every one seen. For winter and spring by zone, four open-source
 * school calendars on GitHub (two citing education.gouv.fr and the arrêtés) give the assignment
 * above, while three others give the same three weeks to other zones; the one above is the only one
 * where zone C leaves first in both winter and spring, as avis-parents.com states for 2026-27.
 * 2027-28: Toussaint 23 October – 8 November 2027 and Christmas 18 December 2027 – 3 January 2028
 * (three sources agree), winter 5 – 21 February 2028 (B) and 12 – 28 February (C), spring 15 April
 * – 2 May 2028 (C) (two sources agree each). <b>Not verified, so not in the table</b>: zone A's
 * winter and spring 2028 (one source only), zone B's spring 2028 (two sources disagree: 1 or 8
 * April), the 2028 Ascension bridge and summer 2028. Check them against education.gouv.fr and give
 * them as {@code periods} in the calendar file until they are added.
 *
 * <p>Each range runs from the first day without school (usually a Saturday) to the day before
 * school resumes (a Sunday or a Monday), both included; the Ascension bridges that the Ministry
 * declared (2019 to 2022, 2026, 2027) are included, Thursday to Sunday. Corsica and the overseas
 * departments are not in the table: give them as {@code periods} in the calendar file.
 */
final class FrenchSchoolHolidays {

    /** A holiday: {@code zones} the zones it applies to ("ABC" for all). */
    record Holiday(LocalDate from, LocalDate to, String zones, boolean summer) {}

    /** The first date the table covers. */
    static final LocalDate FIRST = LocalDate.of(2018, 12, 22);

    /** The last date up to which the table is complete for every zone (the end of summer 2027). */
    static final LocalDate LAST = LocalDate.of(2027, 9, 1);

    private static final List<Holiday> TABLE =
            List.of(
                    // 2018-19
                    h("2018-12-22", "2019-01-06", "ABC"),
                    h("2019-02-16", "2019-03-03", "A"),
                    h("2019-02-09", "2019-02-24", "B"),
                    h("2019-02-23", "2019-03-10", "C"),
                    h("2019-04-13", "2019-04-28", "A"),
                    h("2019-04-06", "2019-04-22", "B"),
                    h("2019-04-20", "2019-05-05", "C"),
                    h("2019-05-30", "2019-06-02", "ABC"),
                    summer("2019-07-06", "2019-09-01"),
                    // 2019-20
                    h("2019-10-19", "2019-11-03", "ABC"),
                    h("2019-12-21", "2020-01-05", "ABC"),
                    h("2020-02-22", "2020-03-08", "A"),
                    h("2020-02-15", "2020-03-01", "B"),
                    h("2020-02-08", "2020-02-23", "C"),
                    h("2020-04-18", "2020-05-03", "A"),
                    h("2020-04-11", "2020-04-26", "B"),
                    h("2020-04-04", "2020-04-19", "C"),
                    h("2020-05-21", "2020-05-24", "ABC"),
                    summer("2020-07-04", "2020-08-31"),
                    // 2020-21
                    h("2020-10-17", "2020-11-01", "ABC"),
                    h("2020-12-19", "2021-01-03", "ABC"),
                    h("2021-02-06", "2021-02-21", "A"),
                    h("2021-02-20", "2021-03-07", "B"),
                    h("2021-02-13", "2021-02-28", "C"),
                    h("2021-04-10", "2021-04-25", "A"),
                    h("2021-04-24", "2021-05-09", "B"),
                    h("2021-04-17", "2021-05-02", "C"),
                    h("2021-05-13", "2021-05-17", "ABC"),
                    summer("2021-07-06", "2021-08-31"),
                    // 2021-22
                    h("2021-10-23", "2021-11-07", "ABC"),
                    h("2021-12-18", "2022-01-02", "ABC"),
                    h("2022-02-12", "2022-02-27", "A"),
                    h("2022-02-05", "2022-02-20", "B"),
                    h("2022-02-19", "2022-03-06", "C"),
                    h("2022-04-16", "2022-05-01", "A"),
                    h("2022-04-09", "2022-04-24", "B"),
                    h("2022-04-23", "2022-05-08", "C"),
                    h("2022-05-26", "2022-05-29", "ABC"),
                    summer("2022-07-07", "2022-08-31"),
                    // 2022-23
                    h("2022-10-22", "2022-11-06", "ABC"),
                    h("2022-12-17", "2023-01-02", "ABC"),
                    h("2023-02-04", "2023-02-19", "A"),
                    h("2023-02-11", "2023-02-26", "B"),
                    h("2023-02-18", "2023-03-05", "C"),
                    h("2023-04-08", "2023-04-23", "A"),
                    h("2023-04-15", "2023-05-01", "B"),
                    h("2023-04-22", "2023-05-08", "C"),
                    summer("2023-07-08", "2023-09-03"),
                    // 2023-24
                    h("2023-10-21", "2023-11-05", "ABC"),
                    h("2023-12-23", "2024-01-07", "ABC"),
                    h("2024-02-17", "2024-03-03", "A"),
                    h("2024-02-24", "2024-03-10", "B"),
                    h("2024-02-10", "2024-02-25", "C"),
                    h("2024-04-13", "2024-04-28", "A"),
                    h("2024-04-20", "2024-05-05", "B"),
                    h("2024-04-06", "2024-04-21", "C"),
                    summer("2024-07-06", "2024-09-01"),
                    // 2024-25
                    h("2024-10-19", "2024-11-03", "ABC"),
                    h("2024-12-21", "2025-01-05", "ABC"),
                    h("2025-02-22", "2025-03-09", "A"),
                    h("2025-02-08", "2025-02-23", "B"),
                    h("2025-02-15", "2025-03-02", "C"),
                    h("2025-04-19", "2025-05-04", "A"),
                    h("2025-04-05", "2025-04-21", "B"),
                    h("2025-04-12", "2025-04-27", "C"),
                    summer("2025-07-05", "2025-08-31"),
                    // 2025-26
                    h("2025-10-18", "2025-11-02", "ABC"),
                    h("2025-12-20", "2026-01-04", "ABC"),
                    h("2026-02-07", "2026-02-22", "A"),
                    h("2026-02-14", "2026-03-01", "B"),
                    h("2026-02-21", "2026-03-08", "C"),
                    h("2026-04-04", "2026-04-19", "A"),
                    h("2026-04-11", "2026-04-26", "B"),
                    h("2026-04-18", "2026-05-03", "C"),
                    h("2026-05-14", "2026-05-17", "ABC"),
                    summer("2026-07-04", "2026-08-31"),
                    // 2026-27 (see the class comment for the sources)
                    h("2026-10-17", "2026-11-01", "ABC"),
                    h("2026-12-19", "2027-01-03", "ABC"),
                    h("2027-02-13", "2027-02-28", "A"),
                    h("2027-02-20", "2027-03-07", "B"),
                    h("2027-02-06", "2027-02-21", "C"),
                    h("2027-04-10", "2027-04-25", "A"),
                    h("2027-04-17", "2027-05-02", "B"),
                    h("2027-04-03", "2027-04-18", "C"),
                    h("2027-05-06", "2027-05-09", "ABC"),
                    summer("2027-07-03", "2027-09-01"),
                    // 2027-28, partly: zone A's winter and spring, zone B's spring and the summer
                    // could not be verified (see the class comment)
                    h("2027-10-23", "2027-11-07", "ABC"),
                    h("2027-12-18", "2028-01-02", "ABC"),
                    h("2028-02-05", "2028-02-20", "B"),
                    h("2028-02-12", "2028-02-27", "C"),
                    h("2028-04-15", "2028-05-01", "C"));

    private FrenchSchoolHolidays() {}

    private static Holiday h(String from, String to, String zones) {
        return new Holiday(LocalDate.parse(from), LocalDate.parse(to), zones, false);
    }

    private static Holiday summer(String from, String to) {
        return new Holiday(LocalDate.parse(from), LocalDate.parse(to), "ABC", true);
    }

    /** The zone letter of {@code name} ("a", "B", "zone-c"…), or null when it names none. */
    static String zone(String name) {
        String z = name.strip().toUpperCase(Locale.ROOT);
        if (z.startsWith("ZONE")) {
            z = z.substring(4).replaceFirst("^[ _-]", "");
        }
        return z.equals("A") || z.equals("B") || z.equals("C") ? z : null;
    }

    /** The holiday of {@code zone} that holds {@code date}, or null (also outside the table). */
    static Holiday holiday(String zone, LocalDate date) {
        for (Holiday h : TABLE) {
            if (h.zones().contains(zone) && !date.isBefore(h.from()) && !date.isAfter(h.to())) {
                return h;
            }
        }
        return null;
    }

    /** The whole table (tests). */
    static List<Holiday> table() {
        return TABLE;
    }
}
