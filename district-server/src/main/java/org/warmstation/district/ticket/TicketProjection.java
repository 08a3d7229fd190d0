package org.warmstation.district.ticket;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.records.RecordSink;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.protocol.wire.WireTicket;

/**
 * Projects the stations' TICKET records into the {@code ticket} table of the console inbox,
 * inside the transaction that stored the record (so a ticket is in the inbox exactly when its
 * record is stored and acked). A later revision of a ticket changes nothing here: the status
 * belongs to the district. Stateless and thread-safe.
 */
public final class TicketProjection implements RecordSink {
    private static final Logger LOG = LoggerFactory.getLogger(TicketProjection.class);
    private final TicketStore store = new TicketStore();

    @Override
    public RecordKind kind() {
        return RecordKind.TICKET;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A station makes the record's uuid the ticket's id; one that does not is logged (and the
     * ticket stored under its own id), never refused, so it cannot block the station's later records.
     *
     * @throws SQLException when the ticket cannot be stored
     */
    @Override
    public void stored(Connection c, Topics station, WireRecord record, RecordBody body) throws SQLException {
        WireTicket ticket = (WireTicket) body;
        if (!ticket.id().equals(record.uuid())) {
            LOG.warn("ticket {} of {} arrived in record {}", ticket.id(), station.station(), record.uuid());
        }
        store.project(c, station.district(), station.station(), ticket);
    }
}
