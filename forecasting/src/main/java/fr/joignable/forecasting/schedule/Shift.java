package fr.joignable.forecasting.schedule;

import java.time.LocalDate;

/** One agent's shift on one local date. */
public record Shift(String agentId, LocalDate date, ShiftPattern pattern) {}
