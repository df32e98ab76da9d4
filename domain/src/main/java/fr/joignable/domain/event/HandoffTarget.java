package fr.joignable.domain.event;

/** Who receives a request the contact centre passes on. */
public enum HandoffTarget {
    /** The caretaker of the residence. */
    GARDIEN,
    TECHNICAL,
    MANAGEMENT,
    OTHER
}
