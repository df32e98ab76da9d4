package fr.joignable.jobs.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A signed contribution of one contact (or one duplicate decision) to one {@code (interval, queue,
 * channel, intent)} cell. A contact whose facts change sends the negation of what it sent before
 * and its new facts, so sums stay exact in a live run. Serialized by {@link
 * ContactDeltaSerializer}.
 */
@TypeInfo(ContactDeltaSerializer.Factory.class)
public class ContactDelta {
    public long intervalStart;
    public String queue;
    public String channel;
    public String intent;
    public long offered;
    public long answered;
    public long shortAbandoned;
    public long abandoned;
    public long answeredInSl;
    public long waitSumMs;
    public long handled;
    public long handleSumMs;
    public long identified;
    public long duplicates;
    public long duplicatesAfterAbandon;
    public long diverted;
    public long closed;

    /** Set on duplicate decisions only (for the live view); null otherwise. */
    public String contactId;

    public ContactDelta() {}

    public ContactDelta(long intervalStart, String queue, String channel, String intent) {
        this.intervalStart = intervalStart;
        this.queue = queue;
        this.channel = channel;
        this.intent = intent;
    }

    public String cellKey() {
        return intervalStart + "|" + queue + "|" + channel;
    }

    public ContactDelta negate() {
        ContactDelta d = new ContactDelta(intervalStart, queue, channel, intent);
        d.offered = -offered;
        d.answered = -answered;
        d.shortAbandoned = -shortAbandoned;
        d.abandoned = -abandoned;
        d.answeredInSl = -answeredInSl;
        d.waitSumMs = -waitSumMs;
        d.handled = -handled;
        d.handleSumMs = -handleSumMs;
        d.identified = -identified;
        d.duplicates = -duplicates;
        d.duplicatesAfterAbandon = -duplicatesAfterAbandon;
        d.diverted = -diverted;
        d.closed = -closed;
        return d;
    }

    public void add(ContactDelta d) {
        offered += d.offered;
        answered += d.answered;
        shortAbandoned += d.shortAbandoned;
        abandoned += d.abandoned;
        answeredInSl += d.answeredInSl;
        waitSumMs += d.waitSumMs;
        handled += d.handled;
        handleSumMs += d.handleSumMs;
        identified += d.identified;
        duplicates += d.duplicates;
        duplicatesAfterAbandon += d.duplicatesAfterAbandon;
        diverted += d.diverted;
        closed += d.closed;
    }

    public boolean isZero() {
        return offered == 0
                && answered == 0
                && shortAbandoned == 0
                && abandoned == 0
                && answeredInSl == 0
                && waitSumMs == 0
                && handled == 0
                && handleSumMs == 0
                && identified == 0
                && duplicates == 0
                && duplicatesAfterAbandon == 0
                && diverted == 0
                && closed == 0;
    }
}
