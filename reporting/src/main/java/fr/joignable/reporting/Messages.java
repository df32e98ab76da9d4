package fr.joignable.reporting;

import java.util.HashMap;
import java.util.Map;

/** The report's labels in French and English. */
public final class Messages {

    /** Report language. */
    public enum Lang {
        FR,
        EN
    }

    private static final Map<String, String[]> LABELS = new HashMap<>();

    private static void put(String key, String fr, String en) {
        LABELS.put(key, new String[] {fr, en});
    }

    static {
        put(
                "title",
                "Rapport mensuel de la relation locataires",
                "Tenant contact centre monthly report");
        put("subtitle", "Synthèse pour la direction", "Summary for the board");
        put("generated", "Données : %s", "Data: %s");
        put("section.kpis", "Indicateurs du mois", "Key figures of the month");
        put("section.trend", "Tendance quotidienne", "Daily trend");
        put(
                "section.heat",
                "Niveau de service par jour et heure (heure de Paris)",
                "Service level by weekday and hour (Paris time)");
        put("section.method", "Méthodologie", "Methodology");
        put("col.kpi", "Indicateur", "Indicator");
        put("col.value", "Mois", "Month");
        put("col.previous", "Mois précédent", "Previous month");
        put("col.change", "Évolution", "Change");
        put("col.target", "Objectif", "Target");
        put("col.status", "Statut", "Status");
        put("kpi.offered", "Contacts reçus", "Contacts offered");
        put("kpi.answered", "Contacts traités", "Contacts answered");
        put("kpi.service_level", "Niveau de service", "Service level");
        put("kpi.abandon_rate", "Taux d'abandon", "Abandon rate");
        put("kpi.asa", "Attente moyenne (tél., chat)", "Average speed of answer (phone, chat)");
        put("kpi.aht", "Durée moyenne de traitement", "Average handling time");
        put("kpi.occupancy", "Taux d'occupation", "Occupancy");
        put("kpi.duplicate_rate", "Taux de recontact", "Duplicate rate");
        put("kpi.after_abandon", "Recontacts après abandon", "Duplicates after an abandon");
        put("status.GREEN", "Conforme", "On target");
        put("status.AMBER", "À surveiller", "Watch");
        put("status.RED", "Hors objectif", "Off target");
        put("status.NONE", "—", "—");
        put("target.none", "—", "—");
        put("colon", " : ", ": ");
        put("target.answered", "≥ %s des reçus", "≥ %s of offered");
        put("chart.offered", "Reçus", "Offered");
        put("chart.answered", "Traités", "Answered");
        put(
                "chart.volume",
                "Contacts reçus et traités par jour",
                "Contacts offered and answered per day");
        put("chart.sl", "Niveau de service par jour", "Service level per day");
        put("chart.target", "Objectif", "Target");
        put("weekday.1", "Lun", "Mon");
        put("weekday.2", "Mar", "Tue");
        put("weekday.3", "Mer", "Wed");
        put("weekday.4", "Jeu", "Thu");
        put("weekday.5", "Ven", "Fri");
        put("weekday.6", "Sam", "Sat");
        put("weekday.7", "Dim", "Sun");
        put("table.summary", "Synthèse", "Summary");
        put("table.daily", "Activité par jour", "Activity per day");
        put("table.queues", "Files et canaux", "Queues and channels");
        put("table.heat", "Jour et heure", "Weekday and hour");
        put(
                "table.intents",
                "Motifs générant le plus de recontacts",
                "Intents generating the most duplicates");
        put(
                "table.handoffs",
                "Transferts aux gardiens et services",
                "Handoffs to caretakers and departments");
        put("table.staffing", "Effectifs prévus et présents", "Planned and actual staffing");
        put("table.training_gaps", "Écarts de compétences par file", "Skill gaps per queue");
        put("table.training_plan", "Formations recommandées", "Recommended trainings");
        put(
                "note.handoffs",
                "Dernière ligne : total. Délai médian des transferts clos dans le mois.",
                "Last row: total. Median closing time of the handoffs closed in the month.");
        put(
                "note.staffing",
                "Heures-agents : prévues = agents planifiés × ¼ h, additionnés sur le jour ; présentes = temps connecté.",
                "Agent-hours: planned = scheduled agents × ¼ h, summed over the day; staffed = logged-in time.");
        put(
                "note.intents",
                "Recontact : même locataire, même motif, dans les 7 jours.",
                "Duplicate: same tenant, same intent, within 7 days.");
        put("col.day", "Jour", "Day");
        put("col.queue", "File", "Queue");
        put("col.channel", "Canal", "Channel");
        put("col.offered", "Reçus", "Offered");
        put("col.answered", "Traités", "Answered");
        put("col.service_level", "Niveau de service", "Service level");
        put("col.abandon_rate", "Taux d'abandon", "Abandon rate");
        put("col.asa_s", "Attente moy. (s)", "ASA (s)");
        put("col.aht_s", "DMT (s)", "AHT (s)");
        put("col.duplicate_rate", "Taux de recontact", "Duplicate rate");
        put("col.weekday", "Jour (1 = lundi)", "Weekday (1 = Monday)");
        put("col.hour", "Heure", "Hour");
        put("col.intent", "Motif", "Intent");
        put("col.identified", "Identifiés", "Identified");
        put("col.duplicates", "Recontacts", "Duplicates");
        put("col.after_abandon_share", "Part après abandon", "Share after an abandon");
        put("col.handoff_target", "Destinataire", "Target");
        put("col.created", "Créés", "Created");
        put("col.closed", "Clos", "Closed");
        put("col.median_closing_h", "Délai médian (h)", "Median closing time (h)");
        put("col.open_at_month_end", "Ouverts fin de mois", "Open at month end");
        put("col.planned_agent_hours", "Heures-agents prévues", "Planned agent-hours");
        put("col.staffed_agent_hours", "Heures-agents présentes", "Staffed agent-hours");
        put("col.peak_planned_agents", "Pic prévu (agents)", "Planned peak (agents)");
        put("col.peak_staffed_agents", "Pic présent (agents)", "Staffed peak (agents)");
        put("col.intervals_below_plan", "Quarts d'heure sous le plan", "Quarter-hours below plan");
        put("col.peak_scheduled_agents", "Pic planifié (agents)", "Peak scheduled agents");
        put("col.trained_fte", "ETP formés", "Trained FTE");
        put("col.uncovered_agent_hours", "Heures-agents non couvertes", "Uncovered agent-hours");
        put(
                "col.worst_interval_uncovered",
                "Pire quart d'heure (agents)",
                "Worst interval (agents)");
        put("col.trainings", "Formations", "Trainings");
        put("col.teams", "Équipes", "Teams");
        put("col.total", "Total", "Total");
        put("col.rows", "Lignes", "Rows");
        put("col.query", "Requête", "Query");
        put("no.previous", "pas de données le mois précédent", "no data for the previous month");
        put(
                "method.intro",
                "Tous les chiffres sont calculés à partir des tables par quart d'heure écrites par le calcul des indicateurs. Un mois est un mois civil à l'heure de Paris. Les taux du mois sont des rapports de sommes de comptages, jamais des moyennes de taux. Chaque chiffre peut être recalculé avec « joignable sql » et la requête correspondante (docs/report.md).",
                "Every figure is computed from the quarter-hour tables written by the KPI job. A month is a Paris-time calendar month. Monthly rates are ratios of summed counts, never averages of rates. Each figure can be recomputed with `joignable sql` and the matching query (docs/report.md).");
        put(
                "method.offered",
                "Reçus : contacts présentés, comptés dans le quart d'heure de leur arrivée.",
                "Offered: contacts presented, counted in the quarter-hour of their arrival.");
        put(
                "method.answered",
                "Traités : contacts reçus qui ont été pris par un agent.",
                "Answered: offered contacts taken by an agent.");
        put(
                "method.service_level",
                "Niveau de service : contacts pris dans le délai cible du canal (20 s au téléphone, 60 s en chat, 48 h pour les canaux différés), divisés par les reçus moins les abandons courts (moins de 5 s).",
                "Service level: contacts answered within the channel's threshold (20 s phone, 60 s chat, 48 h deferred channels), divided by offered minus short abandons (under 5 s).");
        put(
                "method.abandon_rate",
                "Taux d'abandon : abandons après le seuil d'abandon court, divisés par les reçus moins les abandons courts.",
                "Abandon rate: abandons after the short-abandon threshold, divided by offered minus short abandons.");
        put(
                "method.asa",
                "Attente moyenne : moyenne de l'attente des contacts pris, pondérée par le nombre de contacts pris ; calculée sur le téléphone et le chat (les canaux différés figurent dans le tableau par file).",
                "Average speed of answer: mean wait of the answered contacts, weighted by answered counts; over phone and chat (deferred channels appear in the queue table).");
        put(
                "method.aht",
                "Durée moyenne de traitement : conversation plus post-appel, moyenne pondérée par les contacts terminés.",
                "Average handling time: talk plus wrap-up, mean weighted by handled contacts.");
        put(
                "method.occupancy",
                "Taux d'occupation : temps en communication et en post-appel, divisé par ce temps plus le temps disponible.",
                "Occupancy: busy and wrap-up time divided by that time plus ready time.");
        put(
                "method.duplicate_rate",
                "Taux de recontact : contacts d'un locataire identifié qui a déjà sollicité le bailleur pour le même motif dans les 7 jours précédents, divisés par les contacts identifiés. Part après abandon : recontacts dont le contact précédent avait été abandonné.",
                "Duplicate rate: contacts of an identified tenant who already contacted the landlord with the same intent in the previous 7 days, divided by identified contacts. Share after an abandon: duplicates whose previous contact was abandoned.");
        put(
                "method.staffing",
                "Effectifs : agents planifiés selon le plan de charge (staffing.csv) comparés aux agents présents (temps connecté ÷ 900 s par quart d'heure).",
                "Staffing: scheduled agents of the staffing plan (staffing.csv) against agents actually staffed (logged-in seconds ÷ 900 per quarter-hour).");
        put(
                "method.status",
                "Statuts : vert conforme à l'objectif, orange à surveiller, rouge hors objectif (objectifs par défaut ci-dessus).",
                "Statuses: green on target, amber watch, red off target (default targets above).");
    }

    private final Lang lang;

    public Messages(Lang lang) {
        this.lang = lang;
    }

    public Lang lang() {
        return lang;
    }

    /** The label of {@code key}; the key itself when unknown (never fails a report). */
    public String get(String key) {
        String[] values = LABELS.get(key);
        if (values == null) {
            return key;
        }
        return values[lang == Lang.FR ? 0 : 1];
    }

    public String get(String key, Object... args) {
        return String.format(get(key), args);
    }

    /** The label of a column or KPI key, or a fallback for an unknown one. */
    public boolean has(String key) {
        return LABELS.containsKey(key);
    }
}
