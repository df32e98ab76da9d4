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
        // coverage of the coming month's schedule (CoverageSection)
        put("section.schedule", "Planning du mois à venir", "Schedule for the coming month");
        put(
                "table.schedule_coverage",
                "Couverture du plan par le planning, par groupe de files",
                "Coverage of the plan by the schedule, per pool of queues");
        put(
                "note.schedule_coverage",
                "D'après coverage.csv (joignable schedule --coverage), sur tout l'horizon du planning. Requis : agents du plan ; présents : agents planifiés formés à une file du groupe, hors pauses. Couverture : Σ min(présents, requis) ÷ Σ requis. Quarts d'heure sous le plan : plus de 0,05 agent manquant.",
                "From coverage.csv (joignable schedule --coverage), over the schedule's whole horizon. Required: the plan's agents; present: scheduled agents trained in a queue of the pool, breaks excluded. Coverage: Σ min(present, required) ÷ Σ required. Quarter-hours below plan: more than 0.05 agent missing.");
        put("col.pool", "Groupe de files", "Pool");
        put("col.first_day", "Du", "From");
        put("col.last_day", "Au", "To");
        put("col.required_agent_hours", "Heures-agent requises", "Agent-hours required");
        put("col.present_agent_hours", "Heures-agent planifiées", "Agent-hours scheduled");
        put("col.coverage", "Couverture", "Coverage");
        put("col.worst_gap_agents", "Pire manque (agents)", "Worst gap (agents)");
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
                "Niveau de service, par canal : contacts pris dans le délai cible du canal (20 s au téléphone, 60 s en chat, 48 h pour les écrits), divisés par les reçus moins les abandons courts (moins de 5 s) moins les appels arrivés centre fermé.",
                "Service level, per channel: contacts answered within the channel's threshold (20 s phone, 60 s chat, 48 h written channels), divided by offered minus short abandons (under 5 s) minus calls that arrived while closed.");
        put(
                "method.abandon_rate",
                "Taux d'abandon, par canal : abandons après le seuil d'abandon court, divisés par les reçus moins les abandons courts moins les appels arrivés centre fermé.",
                "Abandon rate, per channel: abandons after the short-abandon threshold, divided by offered minus short abandons minus calls that arrived while closed.");
        put(
                "method.asa",
                "Attente moyenne : moyenne de l'attente des contacts pris, pondérée par le nombre de contacts pris, par canal.",
                "Average speed of answer: mean wait of the answered contacts, weighted by answered counts, per channel.");
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

    static {
        put("intent.RENT_RECEIPT", "Quittance, avis d'échéance", "Rent receipt");
        put("intent.RENT_PAYMENT", "Paiement du loyer", "Rent payment");
        put("intent.CHARGES", "Charges locatives", "Service charges");
        put("intent.WATER_DAMAGE", "Dégât des eaux, fuite", "Water damage, leak");
        put("intent.HEATING", "Chauffage, eau chaude", "Heating, hot water");
        put("intent.ELEVATOR", "Panne d'ascenseur", "Lift breakdown");
        put("intent.REPAIR", "Réparation, entretien", "Repair, maintenance");
        put("intent.NEIGHBOUR", "Troubles de voisinage", "Neighbour disputes");
        put("intent.CLEANLINESS", "Propreté, encombrants", "Cleanliness, bulky waste");
        put("intent.LEASE", "Entrée, sortie, congé", "Lease, moving in or out");
        put(
                "intent.SOCIAL_SUPPORT",
                "Accompagnement social, APL",
                "Social support, housing benefit");
        put("intent.HOUSING_APPLICATION", "Demande de logement", "Housing application");
        put("intent.TRANSFER_REQUEST", "Demande de mutation", "Transfer request");
        put("intent.OTHER", "Autre", "Other");
        put("section.channels", "Service par canal", "Service per channel");
        put("section.cost", "Ce que le mois a coûté", "What the month cost");
        put("section.urgent", "Demandes urgentes", "Urgent requests");
        put("section.relances", "Relances", "Repeat contacts (relances)");
        put("section.plan", "Plan et réalisé", "Plan vs actual");
        put("section.budget", "Budget", "Budget");
        put("section.training", "Formation", "Training");
        WhatIfLabels.register(Messages::put);
        put("sheet.section.handoffs", "Transferts", "Handoffs");
        put(
                "section.handoffs",
                "Transferts aux gardiens et services",
                "Handoffs to caretakers and departments");
        put("table.channels", "Service par canal", "Service per channel");
        put(
                "note.channels",
                "Chaque canal est mesuré contre son propre délai : 20 s au téléphone, 60 s en chat, 48 h pour les écrits (courriel, courrier, portail). Hors horaires : appels arrivés centre fermé, exclus du niveau de service et de l'abandon. Refusés par le système : contacts renvoyés sans agent (file pleine, aucun agent, attente maximale, sortie de menu), comptés comme non servis. En attente : contacts du mois encore sans réponse à la fin des données. Aucun chiffre ne mélange les canaux.",
                "Each channel is measured against its own threshold: 20 s phone, 60 s chat, 48 h written channels (e-mail, letter, portal). Outside opening hours: calls that arrived while closed, left out of service level and abandon rate. Turned away by the system: contacts sent away without an agent (queue full, no agent, wait limit, menu exit), counted as not served. Backlog: the month's contacts still unanswered at the end of the data. No figure blends the channels.");
        put("channel.PHONE", "Téléphone", "Phone");
        put("channel.CHAT", "Chat", "Chat");
        put("channel.EMAIL", "Courriel", "E-mail");
        put("channel.LETTER", "Courrier", "Letter");
        put("channel.PORTAL", "Portail", "Portal");
        put("channel.WRITTEN", "Écrits (ensemble)", "Written (together)");
        put("kpi.phone_sl", "Niveau de service téléphone", "Phone service level");
        put("kpi.chat_sl", "Niveau de service chat", "Chat service level");
        put("kpi.written_sl", "Écrits traités sous 48 h", "Written answered within 48 h");
        put("kpi.phone_abandon", "Abandon téléphone", "Phone abandon rate");
        put("kpi.chat_abandon", "Abandon chat", "Chat abandon rate");
        put("kpi.backlog", "Écrits en attente", "Written backlog");
        put("kpi.phone_asa", "Attente moyenne téléphone", "Phone average speed of answer");
        put("kpi.month_cost", "Coût des heures-agents du mois", "Cost of the month's agent-hours");
        put("section.highlights", "Urgences et relances", "Urgent requests and repeat contacts");
        put(
                "highlights.urgent",
                "%s demandes urgentes (fuites, chauffage, ascenseurs), niveau de service estimé %s au téléphone et en chat : %s aux cinq heures où les relances sont les plus nombreuses, contre %s aux autres heures d'ouverture.",
                "%s urgent requests (leaks, heating, lifts), estimated phone and chat service level %s: %s in the five hours with the most repeat contacts, against %s in the other open hours.");
        put(
                "highlights.relances",
                "Les relances font %s des contacts reçus (%s aux cinq heures les plus chargées en relances) ; %s d'entre elles suivent un abandon.",
                "Repeat contacts are %s of the contacts offered (%s in the five hours with the most); %s of them follow an abandon.");
        put("kpi.cost_per_contact", "Coût par contact terminé", "Cost per contact handled");
        put("target.sl_within", "≥ %s en %s", "≥ %s within %s");
        put("target.cost", "%s par heure-agent", "%s per agent-hour");
        put("col.closed_calls", "Hors horaires", "Outside hours");
        put("col.turned_away", "Refusés par le système", "Turned away");
        put("col.threshold", "Délai cible", "Threshold");
        put("col.backlog", "En attente", "Backlog");
        put("col.open", "Ouvert", "Open");
        put("open.yes", "ouvert", "open");
        put("open.no", "fermé", "closed");
        put("open.closed", "fermé", "closed");
        put("list.sep", " ; ", "; ");
        put("col.phone_sl", "NS téléphone", "Phone SL");
        put("col.chat_sl", "NS chat", "Chat SL");
        put("col.phone_abandon", "Abandon téléphone", "Phone abandon");
        put("col.phone_offered", "Appels reçus", "Calls offered");
        put(
                "note.daily",
                "Jour fermé : aucun appel ni chat traité ce jour-là (dimanche, jour férié). Les écrits arrivent aussi les jours fermés.",
                "Closed day: no phone or chat contact answered that day (Sunday, public holiday). Written requests also arrive on closed days.");
        put(
                "note.heat",
                "Heures d'ouverture déduites des données (voir la méthodologie) : %s. Cases grises : centre fermé.",
                "Opening hours learnt from the data (see methodology): %s. Grey cells: closed.");
        put("heat.closed", "Fermé", "Closed");
        put("heat.nodata", "Ouvert, aucun appel", "Open, no call");
        put(
                "opening",
                "Horaires d'ouverture (déduits des données)",
                "Opening hours (learnt from the data)");
        put(
                "chart.sl2",
                "Niveau de service par jour : téléphone (20 s) et chat (60 s)",
                "Service level per day: phone (20 s) and chat (60 s)");
        put("chart.phone", "Téléphone", "Phone");
        put("chart.chat", "Chat", "Chat");
        put("chart.closed", "Fermé", "Closed");
        put(
                "section.heat_phone",
                "Niveau de service téléphone (20 s) par jour et heure (heure de Paris)",
                "Phone service level (20 s) by weekday and hour (Paris time)");
        put(
                "section.heat_relances",
                "Part des relances dans les contacts reçus, par jour et heure",
                "Share of repeat contacts in the contacts offered, by weekday and hour");
        put("table.urgent", "Demandes urgentes (priorité 1)", "Urgent requests (priority 1)");
        put(
                "note.urgent",
                "Priorité 1 selon la nomenclature : dégât des eaux (WATER_DAMAGE), chauffage (HEATING), ascenseur (ELEVATOR). Niveau de service estimé : celui du quart d'heure, de la file et du canal où la demande est arrivée, pondéré par les demandes urgentes (la table par motif ne compte pas les réponses). Abandons : courts compris, rapportés aux demandes reçues au téléphone et en chat.",
                "Priority 1 in the taxonomy: water damage, heating, lifts. Estimated service level: that of the quarter-hour, queue and channel the request arrived in, weighted by urgent requests (the intent table does not count answers). Abandons: short ones included, over the phone and chat requests offered.");
        put(
                "table.urgent_handoffs",
                "Demandes urgentes transmises aux gardiens",
                "Urgent requests handed to caretakers");
        put(
                "note.urgent_handoffs",
                "Transmissions au gardien créées dans le mois ; délai de clôture des transmissions closes ; « encore ouvertes » : non closes à la fin des données.",
                "Handoffs to caretakers created in the month; closing delay of those closed; still open: not closed at the end of the data.");
        put("col.live_offered", "dont tél. et chat", "of which phone and chat");
        put("col.live_sl_est", "NS tél./chat (estimé)", "Phone/chat SL (est.)");
        put("col.live_abandon_share", "Abandon tél./chat", "Phone/chat abandons");
        put("col.written_sl_est", "Écrits sous 48 h (estimé)", "Written within 48 h (est.)");
        put("col.relances", "Relances", "Repeat contacts");
        put("col.relance_rate", "Taux de relance", "Repeat rate");
        put("col.relance_share", "Part des reçus", "Share of offered");
        put("col.p90_closing_h", "Délai 90 % (h)", "90th percentile (h)");
        put("col.closed_within_24h", "Closes sous 24 h", "Closed within 24 h");
        put("col.still_open", "Encore ouvertes", "Still open");
        put("col.priority", "Priorité", "Priority");
        put("col.slot", "Créneau", "Slot");
        put("col.urgent_live_offered", "Urgentes tél./chat", "Urgent phone/chat");
        put("col.urgent_sl_est", "NS des urgentes (estimé)", "Urgent SL (est.)");
        put("col.live_sl", "NS tél./chat du créneau", "Phone/chat SL of the slot");
        put("slot.TOP", "Les 5 créneaux ensemble", "The 5 slots together");
        put("slot.OTHER", "Autres heures d'ouverture", "Other open hours");
        put(
                "table.relance_peak",
                "Les heures où les relances sont les plus nombreuses",
                "The hours with the most repeat contacts");
        put(
                "note.relance_peak",
                "Relance : même locataire, même motif, dans les 7 jours. Les cinq créneaux (jour × heure) d'ouverture qui en comptent le plus, puis ces cinq ensemble et les autres heures d'ouverture : le service que les demandes urgentes y ont reçu.",
                "Repeat contact: same tenant, same intent, within 7 days. The five open weekday × hour slots with the most, then those five together and every other open hour: the service urgent requests got there.");
        put(
                "table.relance_hours",
                "Relances par jour et heure",
                "Repeat contacts by weekday and hour");
        put("table.relance_intents", "Relances par motif", "Repeat contacts by intent");
        put("table.plan_weeks", "Prévision et réalisé par semaine", "Forecast vs actual per week");
        put(
                "note.plan_weeks",
                "Semaine du lundi indiqué, limitée au mois et à l'horizon de la prévision (forecast.csv). Biais = prévu / réel − 1. WAPE (écart absolu pondéré) = somme des écarts absolus |prévu − réel| / somme du réel, sur chaque quart d'heure, file et canal ; WAPE jour : même calcul sur chaque jour, file et canal. Dernière ligne : ensemble.",
                "Week of the Monday shown, cut to the month and the forecast's horizon (forecast.csv). Bias = forecast / actual − 1. WAPE = sum of |forecast − actual| / sum of actual over every quarter-hour, queue and channel; daily WAPE: the same over every day, queue and channel. Last row: together.");
        put(
                "table.plan_service_level",
                "Niveau de service prévu par le plan et mesuré",
                "Service level predicted by the plan and measured");
        put(
                "note.plan_service_level",
                "Prévu : niveau de service du plan (staffing.csv), pondéré par les contacts prévus. Mesuré : sur les mêmes quarts d'heure et files. Ligne « Mois » : le mois.",
                "Predicted: the plan's service level (staffing.csv), weighted by forecast contacts. Measured: over the same quarter-hours and queues. Row “Month”: the month.");
        put(
                "table.plan_hours",
                "Agents prévus et présents par jour et heure",
                "Agents planned and present by weekday and hour");
        put(
                "note.plan_hours",
                "Moyenne sur les quarts d'heure du plan dans le mois. Prévus : agents planifiés (absences comprises). Présents : temps connecté ÷ 900 s. ",
                "Mean over the plan's quarter-hours in the month. Planned: scheduled agents (shrinkage included). Present: logged-in seconds ÷ 900.");
        put("col.week", "Semaine du", "Week of");
        put("col.whole_month", "Mois", "Month");
        put("col.forecast", "Prévu", "Forecast");
        put("col.actual", "Réel", "Actual");
        put("col.bias", "Biais", "Bias");
        put("col.wape", "WAPE (quart d'heure)", "WAPE (quarter-hour)");
        put("col.wape_daily", "WAPE (jour)", "WAPE (day)");
        put("col.predicted_sl", "NS prévu", "Predicted SL");
        put("col.measured_sl", "NS mesuré", "Measured SL");
        put("col.planned_agents", "Agents prévus", "Planned agents");
        put("col.present_agents", "Agents présents", "Agents present");
        put("col.gap_agents", "Écart", "Gap");
        put("table.budget", "Heures-agents et coûts", "Agent-hours and costs");
        put(
                "note.budget",
                "Heures payées : temps connecté des agents (tous états sauf déconnecté). Productives : en communication et post-appel. Coût = heures payées × coût d'une heure-agent (option --cost-per-hour). Contacts terminés : contacts de tous canaux dont la fin (CONTACT_ENDED) tombe dans le mois ; ils diffèrent un peu des contacts traités du mois, comptés quand un agent les prend.",
                "Paid hours: agents' logged-in time (any state but logged out). Productive: busy and wrap-up. Cost = paid hours × cost of an agent-hour (option --cost-per-hour). Contacts handled: contacts of every channel whose end (CONTACT_ENDED) falls in the month; they differ slightly from the month's contacts answered, counted when an agent takes them.");
        put("col.month", "Mois", "Month");
        put("col.paid_hours", "Heures payées", "Paid hours");
        put("col.productive_hours", "Heures productives", "Productive hours");
        put("col.productive_share", "Part productive", "Productive share");
        put("col.handled", "Contacts terminés", "Contacts handled");
        put("col.cost", "Coût", "Cost");
        put("col.cost_per_contact", "Coût par contact", "Cost per contact");
        put("col.contacts_per_hour", "Contacts par heure payée", "Contacts per paid hour");
        put(
                "table.sl_cost",
                "Ce que coûte le niveau de service (semaine de pointe)",
                "What service level costs (peak week)");
        put(
                "note.sl_cost",
                "Semaine de pointe du mois (le plus de contacts téléphone et chat). Agents nécessaires par quart d'heure au modèle d'Erlang (C, ou A si une patience est configurée) pour atteindre l'objectif au téléphone (20 s) et en chat (60 s), charge réelle de la semaine ; heures payées = heures-agents ÷ (1 − 30 % d'absences), plus le travail des écrits ; coût = heures × coût horaire. Dernière ligne : ce qui a été réellement payé et obtenu.",
                "The month's peak week (most phone and chat contacts). Agents needed per quarter-hour by the Erlang model (C, or A where a patience is configured) to reach the target on phone (20 s) and chat (60 s), with the week's actual load; paid hours = agent-hours ÷ (1 − 30 % shrinkage), plus the written channels' work; cost = hours × hourly cost. Last row: what was actually paid and achieved.");
        put("col.sl_scenario", "Objectif", "Target");
        put("col.peak_agents", "Agents au pic", "Peak agents");
        put("col.cost_vs_80", "Écart au coût à 80 %", "Difference to 80 %");
        put("slcost.target", "Objectif %s", "Target %s");
        put("slcost.actual", "Réalisé", "Actual");
        put(
                "cost.line",
                "%s, soit %s heures-agents connectées (payées) à %s de l'heure, dont %s productives (en communication ou post-appel) ; %s par contact terminé ; %s contacts terminés par heure payée.",
                "%s: %s logged-in (paid) agent-hours at %s an hour, %s of them productive (busy or wrap-up); %s per contact handled; %s contacts handled per paid hour.");
        put(
                "method.opening",
                "Horaires d'ouverture, déduits des données du mois : un jour est ouvert quand au moins un appel ou un chat y a été traité ; une heure d'un jour de la semaine est ouverte quand, sur au moins la moitié des jours ouverts de ce jour de la semaine, un appel ou un chat arrivé dans cette heure a été traité. Les heures et jours fermés restent vides et marqués fermés.",
                "Opening hours, learnt from the month's data: a day is open when at least one phone or chat contact was answered that day; an hour of a weekday is open when, on at least half of that weekday's open days, a phone or chat contact offered in that hour was answered. Closed hours and days stay blank and are marked closed.");
        put(
                "method.closed",
                "Hors horaires = contacts redirigés avec le motif CLOSED (colonne closed) ; refusés par le système = redirigés pour un autre motif (diverted − closed). Sur des données sans ces colonnes, les deux valent 0.",
                "Outside opening hours = contacts diverted with reason CLOSED (column closed); turned away by the system = diverted for another reason (diverted − closed). On data without these columns both are 0.");
        put(
                "method.urgent",
                "Demandes urgentes : motifs de priorité 1 de la nomenclature (dégât des eaux, chauffage, ascenseur). Relance : contact d'un locataire identifié qui a déjà sollicité le bailleur pour le même motif dans les 7 jours précédents ; part des reçus = relances ÷ contacts reçus.",
                "Urgent requests: the taxonomy's priority-1 intents (water damage, heating, lifts). Repeat contact (relance): a contact of an identified tenant who already contacted the landlord with the same intent in the previous 7 days; share of offered = repeats ÷ contacts offered.");
        put(
                "method.budget",
                "Budget : heures payées = temps connecté ; coût = heures payées × coût d'une heure-agent (%s par défaut, option --cost-per-hour) ; coût par contact = coût ÷ contacts terminés.",
                "Budget: paid hours = logged-in time; cost = paid hours × cost of an agent-hour (%s by default, option --cost-per-hour); cost per contact = cost ÷ contacts handled.");
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
