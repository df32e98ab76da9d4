package fr.joignable.reporting;

/** The labels of {@link WhatIfSection}, French and English (kept apart from {@link Messages}). */
final class WhatIfLabels {

    interface Sink {
        void put(String key, String fr, String en);
    }

    private WhatIfLabels() {}

    static void register(Sink m) {
        m.put(
                "section.whatif",
                "Et si… avec les agents d'aujourd'hui",
                "What if… with today's agents");
        m.put("sheet.section.whatif", "Et si", "What if");
        m.put(
                "table.whatif_queues",
                "Niveau de service simulé par file : le plan et les agents d'aujourd'hui",
                "Simulated service level per queue: the plan and today's agents");
        m.put(
                "note.whatif_queues",
                "Sur l'horizon de la prévision (souvent après le mois du rapport). Plan : niveau de service que la simulation du plan mesure (staffing.csv). Agents d'aujourd'hui : la même charge rejouée par le simulateur avec l'équipe telle que l'historique la montre présente, à la même heure de la dernière semaine (whatif.csv, joignable simulate --presence-history). Pondéré par les contacts.",
                "Over the forecast's horizon (often after the report's month). Plan: the service level the plan's simulation measures (staffing.csv). Today's agents: the same workload replayed by the simulator with the team as the history shows it present, at the same hour of the latest week (whatif.csv, joignable simulate --presence-history). Weighted by contacts.");
        m.put(
                "table.whatif_hours",
                "Téléphone par jour et heure : le plan et les agents d'aujourd'hui",
                "Phone by weekday and hour: the plan and today's agents");
        m.put(
                "note.whatif_hours",
                "Heures d'au moins 20 appels simulés. File la plus en retard : celle dont le niveau de service simulé avec les agents d'aujourd'hui est le plus bas à cette heure.",
                "Hours with at least 20 simulated calls. Worst queue: the one whose service level with today's agents is lowest in that hour.");
        m.put("col.plan_sl", "NS du plan (simulé)", "Plan SL (simulated)");
        m.put("col.whatif_sl", "NS avec les agents d'aujourd'hui", "SL with today's agents");
        m.put("col.whatif_abandon", "Abandons (agents d'aujourd'hui)", "Abandons (today's agents)");
        m.put("col.worst_queue", "File la plus en retard", "Worst queue");
        m.put("col.worst_sl", "Son NS", "Its SL");
    }
}
