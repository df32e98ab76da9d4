package fr.joignable.forecasting.training;

/** One training of the plan: agent {@code agentId} (of {@code team}) learns queue {@code queue}. */
public record PlannedTraining(String agentId, String team, String queue) {}
