package org.warmstation.kiosk.ui;

import java.util.List;
import java.util.UUID;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.wire.SupplySettings;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.protocol.wire.WireSupply;
import org.warmstation.visitlog.domain.Handout;
import org.warmstation.visitlog.domain.RatingStore;
import org.warmstation.visitlog.domain.StockLevel;
import org.warmstation.visitlog.domain.Visit;

/**
 * What the kiosk UI needs for winter supplies and satisfaction ratings (issue 12). Every method
 * but {@link #settings()} blocks on storage and is called only on a background thread of the
 * {@link TaskExecutor}.
 */
public interface SupplyDesk {
    /** @return the station's supply settings now (items, ratings on/off); does not block */
    SupplySettings settings();

    /**
     * @return the stock of each item of the settings
     * @throws RuntimeException when storage fails
     */
    List<StockLevel> stock();

    /**
     * Hands one unit out to a visit's visitor, the per-member limit counted in the current season.
     *
     * @param item  an item code (one the settings do not list is refused {@code NOT_STOCKED})
     * @param visit the visit on screen
     * @return given or refused, with the reason
     * @throws RuntimeException when storage fails; nothing recorded
     */
    Handout handOut(String item, Visit visit);

    /**
     * @param item     an item code of the settings
     * @param quantity units delivered, 1 or more
     * @return the movement
     * @throws IllegalArgumentException for an item not in the settings or a bad quantity; nothing recorded
     * @throws RuntimeException when storage fails
     */
    WireSupply deliver(String item, int quantity);

    /**
     * @param item    an item code of the settings
     * @param counted the stock counted, 0 or more
     * @return the movement
     * @throws IllegalArgumentException for an item not in the settings or a count below zero; nothing recorded
     * @throws RuntimeException when storage fails
     */
    WireSupply correct(String item, int counted);

    /**
     * @param visit   the visit just recorded
     * @param answer  the answer
     * @param reasons chips for a dissatisfied answer
     * @return the rating stored
     * @throws RatingStore.NotLastVisitException when the visit is not the station's last one
     * @throws RuntimeException when storage fails
     */
    WireRating rate(UUID visit, RatingAnswer answer, List<RatingReason> reasons);
}
