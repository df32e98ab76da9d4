package fr.joignable.wallboard;

import fr.joignable.domain.live.LiveView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Realistic live-view snapshots, as the KPI job publishes them ({@code docs/live-view.md}). */
final class Samples {

    private Samples() {}

    static String metrics(
            long offered,
            long answered,
            long abandoned,
            long inSl,
            Double sl,
            Double abandonRate,
            Double asa,
            long identified,
            long duplicates,
            Double duplicateRate) {
        return """
                {"offered":%d,"answered":%d,"shortAbandoned":1,"abandoned":%d,"answeredInSl":%d,\
                "serviceLevel":%s,"abandonRate":%s,"asaS":%s,"identified":%d,"duplicates":%d,\
                "duplicatesAfterAbandon":0,"duplicateRate":%s}"""
                .formatted(
                        offered,
                        answered,
                        abandoned,
                        inSl,
                        sl,
                        abandonRate,
                        asa,
                        identified,
                        duplicates,
                        duplicateRate);
    }

    /**
     * A busy Monday morning: six queues, three teams; {@code loyersWaiting} contacts waiting in
     * LOYERS. Carries a {@code tenantId} field the wallboard must drop.
     */
    static String json(Instant asOf, Instant emittedAt, long loyersWaiting) {
        return """
                {"asOf":"%s","emittedAt":"%s","intervalStart":"2026-10-05T08:15:00Z",
                 "tenantId":"T-123456",
                 "queues":[
                  {"queue":"LOYERS","waiting":%d,"longestWaitS":45.2,"backlog":12,
                   "interval":%s,"last60m":%s},
                  {"queue":"TECHNIQUE","waiting":7,"longestWaitS":96.0,"backlog":31,
                   "interval":%s,"last60m":%s},
                  {"queue":"ACCUEIL","waiting":0,"longestWaitS":0,"backlog":2,
                   "interval":%s,"last60m":%s},
                  {"queue":"GESTION_LOCATIVE","waiting":1,"longestWaitS":8.4,"backlog":9,
                   "interval":%s,"last60m":%s},
                  {"queue":"PROXIMITE","waiting":0,"longestWaitS":0,"backlog":0,
                   "interval":%s,"last60m":%s}
                 ],
                 "teams":[
                  {"team":"EQUIPE_A","states":{"READY":3,"BUSY":5,"WRAP_UP":1,"NOT_READY":2},
                   "occupancy":0.81,"occupancyLast60m":0.78},
                  {"team":"EQUIPE_B","states":{"READY":0,"BUSY":7,"WRAP_UP":2,"NOT_READY":1},
                   "occupancy":0.95,"occupancyLast60m":0.90},
                  {"team":"EQUIPE_C","states":{"READY":4,"BUSY":2,"NOT_READY":1},
                   "occupancy":0.55,"occupancyLast60m":null}
                 ],
                 "totals":{"interval":%s,"last60m":%s}}
                """
                .formatted(
                        asOf,
                        emittedAt,
                        loyersWaiting,
                        metrics(14, 11, 1, 10, 0.7857, 0.0714, 12.5, 12, 1, 0.0833),
                        metrics(58, 52, 3, 46, 0.8070, 0.0517, 10.1, 50, 4, 0.08),
                        metrics(9, 5, 2, 2, 0.2857, 0.2857, 61.0, 9, 2, 0.2222),
                        metrics(40, 31, 6, 22, 0.5946, 0.1622, 38.4, 38, 7, 0.1842),
                        metrics(3, 3, 0, 3, 1.0, 0.0, 4.0, 1, 0, 0.0),
                        metrics(15, 15, 0, 15, 1.0, 0.0, 3.2, 6, 0, 0.0),
                        metrics(4, 3, 0, 3, 0.75, 0.0, 9.0, 4, 0, 0.0),
                        metrics(19, 18, 1, 17, 0.9444, 0.0526, 7.7, 17, 1, 0.0588),
                        metrics(0, 0, 0, 0, null, null, null, 0, 0, null),
                        metrics(2, 2, 0, 2, 1.0, 0.0, 5.0, 2, 0, 0.0),
                        metrics(30, 22, 3, 18, 0.72, 0.12, 25.1, 26, 3, 0.1154),
                        metrics(134, 118, 9, 100, 0.7752, 0.0709, 17.3, 111, 11, 0.0991)
                                .replace("}", ",\"occupancy\":0.83}"));
    }

    static LiveView view(Instant asOf, Instant emittedAt, long loyersWaiting) {
        try {
            return LiveView.parse(
                    json(asOf, emittedAt, loyersWaiting).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
