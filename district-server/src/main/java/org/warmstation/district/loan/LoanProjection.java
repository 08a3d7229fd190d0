package org.warmstation.district.loan;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.district.records.RecordSink;
import org.warmstation.protocol.loan.LoanEvent;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.WireLoan;
import org.warmstation.protocol.wire.WireRecord;

/**
 * Projects the stations' LOAN records into the {@link LoanBook} inside the transaction that stored
 * the record, and when a return closes a loan, queues the lending station's {@code LOANS} downlink
 * in the same transaction ({@link DownlinkSender#queue}: signed, sent, and re-sent on the
 * station's birth until acked), so a station learns of every return of its loans, wherever it
 * happened. A later revision of a movement changes nothing (a movement is a fact). Thread-safe.
 */
public final class LoanProjection implements RecordSink {
    private static final Logger LOG = LoggerFactory.getLogger(LoanProjection.class);
    private final LoanBook book = new LoanBook();
    private final Clock clock;

    /** With the system clock. */
    public LoanProjection() {
        this(Clock.systemUTC());
    }

    /** @param clock district clock (issue time of the downlink) */
    public LoanProjection(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RecordKind kind() {
        return RecordKind.LOAN;
    }

    /**
     * {@inheritDoc}
     *
     * @throws SQLException when the movement cannot be stored or the downlink queued
     */
    @Override
    public void stored(Connection c, Topics station, WireRecord record, RecordBody body) throws SQLException {
        WireLoan loan = (WireLoan) body;
        Optional<String> lender;
        if (loan.loanEvent() == LoanEvent.LENT) {
            lender = book.lent(c, station.district(), station.station(), loan) ? Optional.of(station.station())
                    : Optional.empty();
        } else {
            lender = book.returned(c, station.district(), station.station(), record.uuid(), loan);
        }
        if (lender.isPresent()) {
            DownlinkCommand cmd = DownlinkCommand.loans(station.district(), lender.get(), clock.instant(),
                    book.statuses(c, station.district(), lender.get(), clock.instant()));
            DownlinkSender.queue(c, cmd, "loans");
            LOG.info("a {} return at {} closed a loan of {}: LOANS downlink {} queued", loan.item(),
                    station.station(), lender.get(), cmd.id());
        }
    }
}
