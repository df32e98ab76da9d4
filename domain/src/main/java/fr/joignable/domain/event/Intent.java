package fr.joignable.domain.event;

import java.util.Optional;

/**
 * The reference taxonomy of contact reasons, with the queue that usually handles each and its usual
 * priority. Landlords may send other codes: an intent is a free upper-case string in the events,
 * and this list is the default.
 */
public enum Intent {
    RENT_RECEIPT("LOYERS", 3, "quittance, avis d'échéance"),
    RENT_PAYMENT("LOYERS", 2, "paiement du loyer, prélèvement, impayé"),
    CHARGES("LOYERS", 3, "charges locatives, régularisation annuelle"),
    WATER_DAMAGE("TECHNIQUE", 1, "dégât des eaux, fuite"),
    HEATING("TECHNIQUE", 1, "chauffage, eau chaude"),
    ELEVATOR("TECHNIQUE", 1, "panne d'ascenseur"),
    REPAIR("TECHNIQUE", 2, "réparation, entretien du logement"),
    NEIGHBOUR("GESTION_LOCATIVE", 2, "troubles de voisinage"),
    CLEANLINESS("PROXIMITE", 3, "propreté, encombrants, parties communes"),
    LEASE("GESTION_LOCATIVE", 2, "entrée, sortie, congé, état des lieux"),
    SOCIAL_SUPPORT("GESTION_LOCATIVE", 2, "accompagnement social, APL"),
    HOUSING_APPLICATION("DEMANDES", 3, "demande de logement, suivi de dossier"),
    TRANSFER_REQUEST("DEMANDES", 3, "demande de mutation"),
    OTHER("ACCUEIL", 3, "autre");

    private final String usualQueue;
    private final int usualPriority;
    private final String labelFr;

    Intent(String usualQueue, int usualPriority, String labelFr) {
        this.usualQueue = usualQueue;
        this.usualPriority = usualPriority;
        this.labelFr = labelFr;
    }

    public String usualQueue() {
        return usualQueue;
    }

    public int usualPriority() {
        return usualPriority;
    }

    public String labelFr() {
        return labelFr;
    }

    /** The reference intent of a code, if it is one. */
    public static Optional<Intent> fromCode(String code) {
        for (Intent intent : values()) {
            if (intent.name().equals(code)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }
}
