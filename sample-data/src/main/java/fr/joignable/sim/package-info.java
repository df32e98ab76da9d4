/**
 * The contact-centre simulator: {@link fr.joignable.sim.ContactCentreSimulator} (a day-by-day
 * discrete-event simulation of an OPH contact centre emitting interaction events; its models are
 * package-private classes around its event loop: arrivals, shifts, routing, service times,
 * repeats), its options {@link fr.joignable.sim.SimulatorOptions}, the agent {@link
 * fr.joignable.sim.SimulatedRoster}, {@link fr.joignable.sim.DeliveryFaults} for testing consumers,
 * {@link fr.joignable.sim.SampleData} to write files, and {@link fr.joignable.sim.StationaryQueue}
 * for Erlang cross-checks.
 */
package fr.joignable.sim;
