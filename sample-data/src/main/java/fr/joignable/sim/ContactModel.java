package fr.joignable.sim;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.HandoffTarget;
import fr.joignable.domain.event.Intent;
import fr.joignable.domain.time.FrenchPublicHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;

/**
 * The reference shapes of the simulator: the intent mix and its yearly shape, the weekly and
 * intraday shapes of each channel, talk times and handoffs per intent. Values are plausible figures
 * for a French OPH contact centre, not measurements.
 */
final class ContactModel {

    /** Working days in a year, about: 52 weeks × 5 days − 9 weekday public holidays. */
    static final double WORKING_DAYS_PER_YEAR = 251;

    private static final Intent[] INTENTS = Intent.values();

    private ContactModel() {}

    static Intent[] intents() {
        return INTENTS;
    }

    /** Share of each intent in an ordinary month (sums to 1). */
    static double baseShare(Intent intent) {
        return switch (intent) {
            case RENT_RECEIPT -> 0.09;
            case RENT_PAYMENT -> 0.11;
            case CHARGES -> 0.07;
            case WATER_DAMAGE -> 0.07;
            case HEATING -> 0.07;
            case ELEVATOR -> 0.04;
            case REPAIR -> 0.15;
            case NEIGHBOUR -> 0.06;
            case CLEANLINESS -> 0.05;
            case LEASE -> 0.08;
            case SOCIAL_SUPPORT -> 0.04;
            case HOUSING_APPLICATION -> 0.07;
            case TRANSFER_REQUEST -> 0.04;
            case OTHER -> 0.06;
        };
    }

    /**
     * Yearly shape: the heating season (October–March) raises HEATING, the rent notices of the
     * first days of each month raise RENT_RECEIPT and RENT_PAYMENT, the spring regularisation of
     * charges (April–June) raises CHARGES.
     */
    static double seasonal(Intent intent, LocalDate date) {
        Month m = date.getMonth();
        int day = date.getDayOfMonth();
        return switch (intent) {
            case HEATING -> {
                if (m == Month.DECEMBER || m == Month.JANUARY || m == Month.FEBRUARY) {
                    yield 3.0;
                }
                if (m == Month.OCTOBER || m == Month.NOVEMBER || m == Month.MARCH) {
                    yield 2.2;
                }
                yield 0.6;
            }
            case RENT_RECEIPT, RENT_PAYMENT -> day <= 5 ? 2.2 : day <= 10 ? 1.3 : 0.8;
            case CHARGES -> (m == Month.APRIL || m == Month.MAY || m == Month.JUNE) ? 2.5 : 0.8;
            default -> 1.0;
        };
    }

    static boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY
                && d != DayOfWeek.SUNDAY
                && !FrenchPublicHolidays.isHoliday(date);
    }

    /** Weekly shape of the live channels and letters (mean 1 over Monday–Friday): Monday peak. */
    static double weekdayFactor(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> 1.30;
            case TUESDAY -> 1.05;
            case WEDNESDAY -> 0.95;
            case THURSDAY -> 0.90;
            case FRIDAY -> 0.80;
            default -> 0.0;
        };
    }

    /** Weekly shape of email and portal requests (mean about 1 over a week). */
    static double deferredDayFactor(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> 1.30;
            case SATURDAY, SUNDAY -> 0.55;
            default -> 1.06;
        };
    }

    /**
     * Relative intraday arrival intensity of a channel at a local time (not normalised): the live
     * channels peak in the morning, dip at lunch; emails and portal requests follow the waking day
     * with an evening tail for the portal.
     */
    static double intraday(Channel channel, LocalTime t) {
        int min = t.getHour() * 60 + t.getMinute();
        return switch (channel) {
            case PHONE, CHAT -> {
                if (min < 9 * 60) {
                    yield 1.2;
                }
                if (min < 11 * 60) {
                    yield 1.6;
                }
                if (min < 12 * 60) {
                    yield 1.25;
                }
                if (min < 13 * 60 + 30) {
                    yield 0.75;
                }
                if (min < 15 * 60) {
                    yield 1.0;
                }
                if (min < 16 * 60) {
                    yield 0.85;
                }
                yield 0.6;
            }
            case EMAIL -> {
                if (min < 7 * 60) {
                    yield 0.1;
                }
                if (min < 9 * 60) {
                    yield 0.7;
                }
                if (min < 18 * 60) {
                    yield 1.4;
                }
                if (min < 22 * 60) {
                    yield 0.8;
                }
                yield 0.3;
            }
            case PORTAL -> {
                if (min < 7 * 60) {
                    yield 0.1;
                }
                if (min < 12 * 60) {
                    yield 1.0;
                }
                if (min < 18 * 60) {
                    yield 1.1;
                }
                if (min < 23 * 60) {
                    yield 1.3;
                }
                yield 0.3;
            }
            case LETTER -> (min >= 9 * 60 && min < 11 * 60) ? 1.0 : 0.0;
        };
    }

    /** Median talk (or handling) time of an intent on the phone, in seconds. */
    static double medianTalkSeconds(Intent intent) {
        return switch (intent) {
            case RENT_RECEIPT -> 150;
            case RENT_PAYMENT -> 240;
            case CHARGES -> 300;
            case WATER_DAMAGE -> 270;
            case HEATING -> 230;
            case ELEVATOR -> 150;
            case REPAIR -> 240;
            case NEIGHBOUR -> 330;
            case CLEANLINESS -> 180;
            case LEASE -> 300;
            case SOCIAL_SUPPORT -> 360;
            case HOUSING_APPLICATION -> 270;
            case TRANSFER_REQUEST -> 240;
            case OTHER -> 120;
        };
    }

    /** Handling time of a channel relative to the phone. */
    static double channelTalkFactor(Channel channel) {
        return switch (channel) {
            case PHONE -> 1.0;
            case CHAT -> 1.7;
            case EMAIL -> 1.1;
            case PORTAL -> 0.9;
            case LETTER -> 1.4;
        };
    }

    /** Probability that an answered contact of this intent is handed off. */
    static double handoffShare(Intent intent) {
        return switch (intent) {
            case WATER_DAMAGE -> 0.85;
            case HEATING -> 0.70;
            case ELEVATOR -> 0.90;
            case REPAIR -> 0.65;
            case CLEANLINESS -> 0.50;
            case NEIGHBOUR -> 0.25;
            case SOCIAL_SUPPORT -> 0.15;
            default -> 0.0;
        };
    }

    /** Who receives a handoff of this intent; {@code u} is a uniform draw in [0, 1). */
    static HandoffTarget handoffTarget(Intent intent, double u) {
        return switch (intent) {
            case WATER_DAMAGE -> u < 0.7 ? HandoffTarget.GARDIEN : HandoffTarget.TECHNICAL;
            case HEATING -> u < 0.4 ? HandoffTarget.GARDIEN : HandoffTarget.TECHNICAL;
            case ELEVATOR -> u < 0.2 ? HandoffTarget.GARDIEN : HandoffTarget.TECHNICAL;
            case REPAIR, CLEANLINESS -> HandoffTarget.GARDIEN;
            case NEIGHBOUR -> HandoffTarget.MANAGEMENT;
            default -> HandoffTarget.OTHER;
        };
    }

    /** Median time until a handoff of this intent is closed, in hours. */
    static double medianClosingHours(Intent intent) {
        return switch (intent) {
            case ELEVATOR -> 8;
            case WATER_DAMAGE -> 20;
            case HEATING -> 30;
            case CLEANLINESS -> 48;
            case REPAIR -> 96;
            case SOCIAL_SUPPORT -> 72;
            default -> 120;
        };
    }
}
