package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.app.StationSupplies;
import org.warmstation.kiosk.app.VisitServiceBackend;
import org.warmstation.kiosk.domain.CardFixture;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.SupplySettings;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.records.SqliteRecordLog;
import org.warmstation.visitlog.store.SqliteRatingStore;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * The handout, rating and staff stock screens on the headless JavaFX platform: the real kiosk
 * view at 1024x600, taps through the glass robot, the real visit service and SQLite visit log in a
 * temporary directory, and a virtual clock for every timer (the rating's 8 s included), so no test
 * sleeps. Screenshots of the handout and rating screens go to {@code screenshots.dir}.
 */
class SupplyScreensUiTest {
    private static final Instant MORNING = Instant.parse("2026-12-06T02:30:00Z");

    @TempDir
    Path dir;
    private final TestStationClock clock = new TestStationClock(MORNING);
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private final CardFixture cards = new CardFixture();
    private SqliteVisitStore visits;
    private StationSupplies desk;
    private final java.util.concurrent.atomic.AtomicReference<SupplySettings> settings =
            new java.util.concurrent.atomic.AtomicReference<>(SupplySettings.DEFAULT);
    private KioskViewModel vm;
    private Stage stage;
    private Scene scene;

    @BeforeAll
    static void toolkit() {
        FxToolkit.start();
    }

    @BeforeEach
    void open() {
        visits = new SqliteVisitStore(dir);
        VisitService service = new VisitService(visits, cards::verifier, clock, "s1", CardFixture.BEIJING);
        desk = new StationSupplies(dir, clock, CardFixture.BEIJING, settings::get);
        stage = FxToolkit.call(() -> {
            vm = new KioskViewModel(new VisitServiceBackend(service), executor, clock, CardFixture.BEIJING,
                    PinGate.standard("2468"::equals, clock::sinceBoot), KioskSettings.defaults("测试驿站"));
            vm.supplies().use(desk);
            vm.start();
            Stage s = new Stage();
            scene = new Scene(new KioskView(vm).root(), 1024, 600);
            s.setScene(scene);
            s.show();
            return s;
        });
    }

    @AfterEach
    void close() {
        FxToolkit.run(() -> {
            vm.stop();
            stage.close();
        });
        desk.close();
        visits.close();
    }

    private Node find(String selector) {
        return FxToolkit.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene.lookup(selector);
        });
    }

    private String text(String selector) {
        return FxToolkit.call(() -> ((Labeled) scene.lookup(selector)).getText());
    }

    private Screen screen() {
        return FxToolkit.call(() -> vm.screenProperty().get());
    }

    private void tap(String selector) {
        Node n = find(selector);
        if (n == null) {
            throw new AssertionError("no " + selector + " on screen " + screen());
        }
        FxToolkit.run(() -> Taps.tap(n));
        FxToolkit.run(() -> { }); // the robot's events are delivered after the tap returns
    }

    private Visit scan(int member) {
        String token = cards.token(1000 + member, member, WorkerCategory.SANITATION);
        FxToolkit.run(() -> vm.scanned(token));
        return FxToolkit.call(() -> vm.visitProperty().get());
    }

    private void advance(Duration d) {
        FxToolkit.run(() -> executor.advance(d));
    }

    private int gloves() {
        return desk.stock().getFirst().stock();
    }

    private long records(RecordKind kind) {
        try (SqliteRecordLog log = new SqliteRecordLog(dir, clock::now, RecordTypes.standard())) {
            return log.list(kind, 0, 1000).size();
        }
    }

    @Test
    void handoutTappedAtTheEndOfACheckInLowersTheStock() {
        desk.deliver("GLOVES", 10);
        Visit v = scan(7);
        assertEquals(Screen.WELCOME, screen());
        tap("#supplies");
        assertEquals(Screen.HANDOUT, screen());
        assertTrue(text("#supply-GLOVES").contains("余 10双"), text("#supply-GLOVES"));
        tap("#supply-GLOVES");
        assertEquals("手套 已领取 1双，还剩 9双", text("#supply-note"));
        assertTrue(text("#supply-GLOVES").contains("余 9双"), text("#supply-GLOVES"));
        assertEquals(9, gloves());
        assertEquals(1, desk.stock().getFirst().stock() == 9 ? 1 : 0);
        assertEquals(2, records(RecordKind.SUPPLY), "the delivery and the handout, each once");
        assertEquals(v.id(), visitsOfHandouts().getFirst());
    }

    private List<UUID> visitsOfHandouts() {
        try (var store = new org.warmstation.visitlog.store.SqliteSupplyStore(dir, clock::now, RecordTypes.standard())) {
            return visits.between(MORNING.minusSeconds(1), MORNING.plus(Duration.ofDays(3))).stream()
                    .filter(x -> !store.handoutsOf(x.id()).isEmpty()).map(Visit::id).toList();
        }
    }

    @Test
    void secondPairOfGlovesForTheSameMemberInASeasonIsRefusedWithTheReason() {
        desk.deliver("GLOVES", 10);
        scan(7);
        tap("#supplies");
        tap("#supply-GLOVES");
        tap("#supply-done");
        advance(ScreenFlow.RATING_SHOWN);
        assertEquals(Screen.IDLE, screen());

        clock.advance(Duration.ofDays(1)); // a new visit the next day, same winter
        scan(7);
        assertEquals(Screen.WELCOME, screen());
        tap("#supplies");
        tap("#supply-GLOVES");
        assertEquals("本季已领过手套 1双，每人每季限 1双", text("#supply-note"));
        assertTrue(find("#supply-note").getStyleClass().contains("supply-bad"));
        assertEquals(9, gloves(), "nothing handed out");
        assertEquals(2, records(RecordKind.SUPPLY), "the refusal recorded nothing");

        tap("#supply-HATS"); // another item is not limited by the gloves, but there are no hats
        assertEquals("帽子 已发完，请联系工作人员", text("#supply-note"));

        FxToolkit.run(() -> vm.toggleLanguage());
        tap("#supply-GLOVES");
        assertEquals("Gloves: you already took 1 pair this season, the limit is 1 pair per member", text("#supply-note"));
    }

    @Test
    void anItemTheStationNoLongerStocksIsRefusedAndNothingIsRecorded() {
        desk.deliver("GLOVES", 10);
        scan(7);
        tap("#supplies");
        // the district's new settings drop the gloves while the screen still shows them
        settings.set(new SupplySettings(SupplySettings.DEFAULT.items().subList(1, 6), true));
        tap("#supply-GLOVES");
        assertEquals("本站不提供此物资（GLOVES）", text("#supply-note"));
        assertEquals(1, records(RecordKind.SUPPLY), "only the delivery");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> desk.deliver("GLOVES", 5));
        assertEquals("this station does not stock 'GLOVES'", e.getMessage());
    }

    @Test
    void guestsGetHandoutsCountedButNotLimited() {
        desk.deliver("GLOVES", 10);
        for (int i = 0; i < 2; i++) {
            FxToolkit.run(vm::startGuest);
            FxToolkit.run(() -> vm.chooseGuestCategory(WorkerCategory.COURIER));
            assertEquals(Screen.WELCOME, screen());
            tap("#supplies");
            tap("#supply-GLOVES");
            tap("#supply-done");
            tap("#rating-skip");
        }
        assertEquals(8, gloves());
    }

    @Test
    void ratingIsStoredForTheRightVisitAndGoesAwayAfterEightSeconds() {
        Visit first = scan(7);
        tap("#done");
        assertEquals(Screen.RATING, screen(), "the rating follows a new visit's screen");
        tap("#rate-DISSATISFIED");
        assertTrue(find("#reason-COLD").isVisible(), "reason chips after 不满意");
        tap("#reason-COLD");
        tap("#reason-STAFF");
        tap("#reason-STAFF"); // changed their mind
        advance(ScreenFlow.RATING_SHOWN.minusMillis(100));
        assertEquals(Screen.RATING, screen());
        advance(Duration.ofMillis(100));
        assertEquals(Screen.IDLE, screen(), "gone 8 s after the last tap");
        try (SqliteRatingStore ratings = new SqliteRatingStore(dir, clock::now, RecordTypes.standard())) {
            WireRating r = ratings.ratingOf(first.id()).orElseThrow();
            assertEquals(RatingAnswer.DISSATISFIED, r.answer());
            assertEquals(List.of(RatingReason.COLD), r.reasons());
        }
        assertEquals(1, records(RecordKind.RATING), "one record for the visit, revised");

        Visit second = scan(8);
        tap("#done");
        assertEquals(Screen.RATING, screen());
        advance(ScreenFlow.RATING_SHOWN);
        assertEquals(Screen.IDLE, screen(), "untouched: gone after 8 s");

        scan(9);
        tap("#done");
        assertEquals(Screen.RATING, screen());
        Visit fourth = scan(10);
        assertEquals(Screen.WELCOME, screen(), "the next scan is never held up by the rating");
        assertEquals(fourth.id(), FxToolkit.call(() -> vm.visitProperty().get().id()));
        try (SqliteRatingStore ratings = new SqliteRatingStore(dir, clock::now, RecordTypes.standard())) {
            assertFalse(ratings.ratingOf(second.id()).isPresent());
        }
        assertEquals(1, records(RecordKind.RATING));
    }

    @Test
    void withRatingsSwitchedOffTheNextScreenIsTheIdleOne() {
        settings.set(new SupplySettings(SupplySettings.DEFAULT.items(), false));
        scan(7);
        tap("#done");
        assertEquals(Screen.IDLE, screen());
        assertEquals(0, records(RecordKind.RATING));
    }

    @Test
    void ratingOfAVisitThatIsNoLongerTheLastIsRefusedOnScreen() {
        scan(7);
        tap("#done");
        assertEquals(Screen.RATING, screen());
        // another visit is recorded meanwhile (e.g. a guest at a second terminal of the station)
        visits.record(new Visit(UUID.randomUUID(), 0, "s1", clock.now(), CardFixture.BEIJING, null, 0,
                WorkerCategory.OTHER, java.util.Set.of(), org.warmstation.visitlog.domain.VisitSource.GUEST, true,
                Duration.ZERO));
        tap("#rate-SATISFIED");
        assertEquals("只能评价刚才这次到访", text("#rating-note"));
        assertEquals(0, records(RecordKind.RATING));
        advance(ScreenFlow.RATING_SHOWN);
        assertEquals(Screen.IDLE, screen());
    }

    @Test
    void staffBookADeliveryAndACountBelowZeroIsRefused() {
        FxToolkit.run(() -> {
            vm.openStaff();
            "2468".chars().forEach(c -> vm.pinDigit(c - '0'));
            vm.pinSubmit();
        });
        assertEquals(Screen.STAFF, screen());
        assertEquals("物资（6项不足）", text("#staff-supplies"), "nothing delivered yet: every item is low");
        tap("#staff-supplies");
        assertEquals(Screen.STAFF_SUPPLIES, screen());
        tap("#supply-key-1");
        tap("#supply-key-2");
        tap("#supply-deliver");
        assertEquals("手套 入库 12双，现有 12双", text("#staff-supply-note"));
        assertEquals(12, gloves());
        tap("#supply-key-sign");
        tap("#supply-key-3");
        tap("#supply-count");
        assertEquals("盘点数量不能小于 0，没有保存", text("#staff-supply-note"));
        assertEquals(12, gloves());
        tap("#supply-key-del");
        tap("#supply-key-sign");
        tap("#supply-key-9");
        tap("#supply-count");
        assertEquals("手套 盘点为 9双", text("#staff-supply-note"));
        assertTrue(text("#stock-GLOVES").contains("库存不足"), "9 is below the threshold of 10");
        assertEquals(2, records(RecordKind.SUPPLY));
        tap("#supply-back");
        assertEquals(Screen.STAFF, screen());
        assertEquals("物资（6项不足）", text("#staff-supplies"));
    }

    @Test
    @Tag("screenshots")
    void handoutAndRatingScreenshots() throws IOException {
        desk.deliver("GLOVES", 30);
        desk.deliver("HAND_WARMERS", 8);
        desk.deliver("DRINKS", 40);
        scan(7);
        tap("#supplies");
        tap("#supply-GLOVES");
        shoot("kiosk-handout");
        assertTrue(FxToolkit.call(() -> TouchTargets.problems(scene.getRoot(), 96)).isEmpty());
        tap("#supply-done");
        tap("#rate-DISSATISFIED");
        tap("#reason-COLD");
        shoot("kiosk-rating");
        assertTrue(FxToolkit.call(() -> TouchTargets.problems(scene.getRoot(), 96)).isEmpty(),
                FxToolkit.call(() -> String.join("\n", TouchTargets.problems(scene.getRoot(), 96))));
        advance(ScreenFlow.RATING_SHOWN);
        FxToolkit.run(() -> {
            vm.openStaff();
            "2468".chars().forEach(c -> vm.pinDigit(c - '0'));
            vm.pinSubmit();
        });
        tap("#staff-supplies");
        shoot("kiosk-staff-supplies");
    }

    private void shoot(String name) throws IOException {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        BufferedImage img = FxToolkit.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        });
        ImageIO.write(img, "png", out.resolve(name + ".png").toFile());
    }
}
