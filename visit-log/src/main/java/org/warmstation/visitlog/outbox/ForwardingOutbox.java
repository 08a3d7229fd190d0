package org.warmstation.visitlog.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.protocol.wire.WireVisit;

/**
 * An {@link Outbox} that hands every call to another one, for a subclass that observes some calls
 * (a benchmark counting confirmations, a test counting writes) and overrides only those. Every
 * method, {@link #confirmSent} included, goes to the delegate as it is, so the delegate's own
 * implementation runs. Threading and errors: the delegate's.
 */
public abstract class ForwardingOutbox implements Outbox {
    private final Outbox delegate;

    /**
     * @param delegate the outbox that does the work
     * @throws NullPointerException when null
     */
    protected ForwardingOutbox(Outbox delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<UUID> epoch() {
        return delegate.epoch();
    }

    @Override
    public List<WireVisit> due(long afterSeq, int limit, Instant now, Duration resendAfter) {
        return delegate.due(afterSeq, limit, now, resendAfter);
    }

    @Override
    public void markPublished(Collection<WireVisit> entries, Instant at) {
        delegate.markPublished(entries, at);
    }

    @Override
    public int confirm(Collection<WireVisit> entries, Instant at) {
        return delegate.confirm(entries, at);
    }

    @Override
    public int confirmSent(List<Sent<WireVisit>> sent, Instant at) {
        return delegate.confirmSent(sent, at);
    }

    @Override
    public ConfirmWriter<WireVisit> openConfirmWriter() {
        return delegate.openConfirmWriter();
    }

    @Override
    public int requeue(long fromSeq, long toSeq) {
        return delegate.requeue(fromSeq, toSeq);
    }

    @Override
    public int purgeConfirmed(Instant confirmedBefore) {
        return delegate.purgeConfirmed(confirmedBefore);
    }

    @Override
    public OutboxStats stats(Instant now) {
        return delegate.stats(now);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
