package fr.joignable.jobs;

import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.jobs.model.DuplicateCandidate;
import fr.joignable.jobs.model.HandoffInfo;
import fr.joignable.jobs.model.IntentRow;
import fr.joignable.jobs.model.Problem;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs of the job's operators. */
public final class Tags {
    private Tags() {}

    public static final OutputTag<Problem> REJECTED =
            new OutputTag<>("rejected", TypeInformation.of(Problem.class));
    public static final OutputTag<Problem> LATE =
            new OutputTag<>("late", TypeInformation.of(Problem.class));
    public static final OutputTag<Long> MAX_TS =
            new OutputTag<>("max-ts", TypeInformation.of(Long.class));
    public static final OutputTag<DuplicateCandidate> DUP_ENTRIES =
            new OutputTag<>("dup-entries", TypeInformation.of(DuplicateCandidate.class));
    public static final OutputTag<HandoffInfo> HANDOFFS =
            new OutputTag<>("handoffs", TypeInformation.of(HandoffInfo.class));
    public static final OutputTag<IntentRow> INTENT_ROWS =
            new OutputTag<>("intent-rows", TypeInformation.of(IntentRow.class));
    public static final OutputTag<ContactIntervalRow> CONTACT_UPSERTS =
            new OutputTag<>("contact-upserts", TypeInformation.of(ContactIntervalRow.class));

    /** Accumulator names of the run summary. */
    public static final String READ = "events-read";

    public static final String REJECTED_COUNT = "rejected";
    public static final String LATE_COUNT = "late";
    public static final String ORPHANS = "orphans";
    public static final String REDELIVERED = "redeliveries-dropped";
}
