package org.warmstation.kiosk.ui;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.protocol.card.RejectionReason;

/**
 * The check-in outcome on screen, part of {@link KioskViewModel}: the visit being welcomed (or
 * already checked in), the services chosen for it, whether saving them failed, the reason a card
 * was rejected, and the services the welcome screen offers. Holds state only; the view model
 * decides the screen and does the saving.
 *
 * <p>Threading: UI thread only, like the view model.
 */
final class VisitOnScreen {
    private final ReadOnlyObjectWrapper<Visit> visit = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<Service> services = FXCollections.observableSet(EnumSet.noneOf(Service.class));
    private final ObservableSet<Service> servicesView = FXCollections.unmodifiableObservableSet(services);
    private final ReadOnlyBooleanWrapper saveFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<RejectionReason> rejection = new ReadOnlyObjectWrapper<>();
    private Set<Service> offered = EnumSet.allOf(Service.class);

    ReadOnlyObjectProperty<Visit> visitProperty() {
        return visit.getReadOnlyProperty();
    }

    ObservableSet<Service> services() {
        return servicesView;
    }

    ReadOnlyBooleanProperty saveFailedProperty() {
        return saveFailed.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RejectionReason> rejectionProperty() {
        return rejection.getReadOnlyProperty();
    }

    /** @return the visit on screen, or null */
    Visit current() {
        return visit.get();
    }

    /** @param v the visit welcomed or already checked in, with the services it has so far */
    void show(Visit v) {
        visit.set(v);
        services.clear();
        services.addAll(v.services());
        saveFailed.set(false);
    }

    /** @param reason why the card was refused; no visit on screen */
    void reject(RejectionReason reason) {
        visit.set(null);
        rejection.set(reason);
    }

    /** The check-in failed: no visit on screen. */
    void failed() {
        visit.set(null);
    }

    /** Back to idle: no visit, no services chosen. */
    void clear() {
        visit.set(null);
        services.clear();
    }

    /**
     * Chooses or un-chooses a service of the visit on screen.
     *
     * @param service the service tapped
     * @return the services now chosen, a copy to save
     */
    Set<Service> toggle(Service service) {
        if (!services.remove(service)) {
            services.add(service);
        }
        return services.isEmpty() ? Set.of() : EnumSet.copyOf(services);
    }

    /** @param updated the visit as saved; taken only while that visit is still on screen */
    void saved(Visit updated) {
        if (visit.get() != null && visit.get().id().equals(updated.id())) {
            visit.set(updated);
            saveFailed.set(false);
        }
    }

    /** Saving the service choice failed. */
    void saveFailed() {
        saveFailed.set(true);
    }

    /** @return the services the welcome screen offers (read-only) */
    Set<Service> offered() {
        return Collections.unmodifiableSet(offered);
    }

    /** @param services the services to offer; null or empty means all */
    void offer(Set<Service> services) {
        offered = services == null || services.isEmpty() ? EnumSet.allOf(Service.class) : EnumSet.copyOf(services);
    }
}
