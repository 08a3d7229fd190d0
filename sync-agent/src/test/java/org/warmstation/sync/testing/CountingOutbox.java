package org.warmstation.sync.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.outbox.InMemoryOutbox;
import org.warmstation.visitlog.outbox.Outbox;
import org.warmstation.visitlog.outbox.OutboxStats;

/**
 * An in-memory outbox that counts what its agent publishes: first publishes of a visit and
 * resends (publishes of a visit published before). Thread-safe counters; the outbox itself as
 * {@link InMemoryOutbox}.
 */
public final class CountingOutbox implements Outbox {
    private final InMemoryOutbox inner = new InMemoryOutbox();
    private final Set<UUID> published = ConcurrentHashMap.newKeySet();
    private final AtomicLong resends = new AtomicLong();
    private final AtomicLong resendBatches = new AtomicLong();

    /**
     * @param visit a visit recorded now
     */
    public void append(WireVisit visit) {
        inner.append(visit, Instant.now());
    }

    /** @return visits published again after a first publish, since start */
    public long resends() {
        return resends.get();
    }

    /**
     * @return marks holding at least one visit published before: resend rounds, since start. The
     *         drainer marks every page of one drain in one call (decision 0205), so a round may
     *         hold several batches
     */
    public long resendBatches() {
        return resendBatches.get();
    }

    @Override
    public List<WireVisit> due(long afterSeq, int limit, Instant now, Duration resendAfter) {
        return inner.due(afterSeq, limit, now, resendAfter);
    }

    @Override
    public void markPublished(Collection<WireVisit> entries, Instant at) {
        boolean again = false;
        for (WireVisit v : entries) {
            if (!published.add(v.uuid())) {
                resends.incrementAndGet();
                again = true;
            }
        }
        if (again) {
            resendBatches.incrementAndGet();
        }
        inner.markPublished(entries, at);
    }

    @Override
    public int confirm(Collection<WireVisit> entries, Instant at) {
        return inner.confirm(entries, at);
    }

    @Override
    public int requeue(long fromSeq, long toSeq) {
        return inner.requeue(fromSeq, toSeq);
    }

    @Override
    public int purgeConfirmed(Instant confirmedBefore) {
        return inner.purgeConfirmed(confirmedBefore);
    }

    @Override
    public OutboxStats stats(Instant now) {
        return inner.stats(now);
    }

    @Override
    public void close() {
        inner.close();
    }
}
