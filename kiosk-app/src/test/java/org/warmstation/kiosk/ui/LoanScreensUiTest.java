package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.app.KioskRuntime;
import org.warmstation.kiosk.app.VisitServiceBackend;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.LoanDesk;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.visitlog.domain.Loan;
import org.warmstation.visitlog.records.SqliteRecordLog;
import org.warmstation.visitlog.store.SqliteLoanStore;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * The loan screens in the real kiosk view on the headless JavaFX platform, over the real visit
 * service, SQLite visit log and loan store, with a station clock the test moves (no sleeps): a
 * member borrows an umbrella after checking in; the staff list shows it out, then overdue once the
 * clock passes 3 days; a second return or an unknown loan is refused with a message and nothing
 * is recorded twice; taps are mouse presses at the buttons' centres.
 */
class LoanScreensUiTest {
    private static final Instant MORNING = Instant.parse("2026-11-21T02:30:00Z"); // 10:30 in Beijing
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    static Path demoDir;
    static DemoStation demo;

    @TempDir
    Path dataDir;
    private final TestStationClock clock = new TestStationClock(MORNING);
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private LoanDesk.Rules rules = LoanDesk.Rules.DEFAULTS;
    private SqliteVisitStore store;
    private KioskViewModel vm;
    private Stage stage;
    private Scene scene;

    @BeforeAll
    static void issueCards() throws IOException {
        FxToolkit.start();
        demo = DemoStation.prepare(demoDir, TODAY);
    }

    @BeforeEach
    void open() {
        store = new SqliteVisitStore(dataDir);
        VisitService service = new VisitService(store, demo::verifier, clock, DemoStation.STATION_ID, DemoStation.ZONE,
                Duration.ofMinutes(10));
        vm = new KioskViewModel(new VisitServiceBackend(service), executor, clock, DemoStation.ZONE,
                PinGate.standard("2468"::equals, clock::sinceBoot), KioskSettings.defaults(DemoStation.STATION_NAME),
                PeripheralsViewModel.none(executor),
                new org.warmstation.kiosk.domain.TicketService(new org.warmstation.kiosk.domain.InMemoryTickets(), clock));
        vm.attachLoans(new LoanDesk(new SqliteLoanStore(dataDir, InstantSource.fixed(MORNING)), clock,
                () -> rules));
        vm.start();
        stage = FxToolkit.call(() -> {
            Stage s = new Stage();
            scene = new Scene(new KioskView(vm).root(), KioskRuntime.SCREEN_WIDTH, KioskRuntime.SCREEN_HEIGHT);
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
        vm.loans().close();
        store.close();
    }

    private Node find(String selector) {
        return FxToolkit.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene.lookup(selector);
        });
    }

    private void tap(String selector) {
        Node n = find(selector);
        assertTrue(n != null, "no " + selector + " on screen " + vm.screenProperty().get());
        FxToolkit.run(() -> Taps.tap(n));
    }

    private String text(String selector) {
        Label label = (Label) find(selector);
        return FxToolkit.call(label::getText);
    }

    private Screen screen() {
        return FxToolkit.call(() -> vm.screenProperty().get());
    }

    private Loan memberBorrowsAnUmbrella() {
        FxToolkit.run(() -> vm.scanned(demo.card("courier").qrText()));
        assertEquals(Screen.WELCOME, screen());
        tap("#member-loans");
        assertEquals(Screen.MEMBER_LOANS, screen());
        assertEquals("在本站没有借用中的物品", text("#member-loans-out"));
        tap("#lend-UMBRELLA");
        assertEquals("在本站借用中：雨伞 (11-21 10:30)", text("#member-loans-out"));
        assertEquals("已借出雨伞：请在 3 天内归还到任一驿站", text("#loan-message"));
        List<Loan> out = FxToolkit.call(() -> List.copyOf(vm.loans().out()));
        assertEquals(1, out.size());
        return out.getFirst();
    }

    private void staffLoans() {
        FxToolkit.run(() -> {
            vm.backToIdle();
            vm.openStaff();
            "2468".chars().forEach(c -> vm.pinDigit(c - '0'));
            vm.pinSubmit();
        });
        assertEquals(Screen.STAFF, screen());
        tap("#staff-tickets");
        assertEquals(Screen.STAFF_TICKETS, screen());
        tap("#staff-loans");
        assertEquals(Screen.STAFF_LOANS, screen());
    }

    private boolean overdue(Loan loan) {
        return (Boolean) find("#loan-" + loan.id()).getProperties().get("overdue"); // find lays out: a rebuilt pane has no skin yet
    }

    private int loanRecords() {
        try (SqliteRecordLog log = new SqliteRecordLog(dataDir, InstantSource.fixed(MORNING), RecordTypes.standard())) {
            return log.list(RecordKind.LOAN, 0, 100).size();
        }
    }

    @Test
    void aLoanIsListedAsOutAndThenAsOverdueWhenTheClockPassesThreeDays() {
        Loan loan = memberBorrowsAnUmbrella();
        staffLoans();
        assertFalse(overdue(loan));
        assertTrue(text("#loan-" + loan.id()).endsWith("雨伞 · 会员 …" + loan.memberId().substring(12) + " — 借出中"),
                text("#loan-" + loan.id()));
        assertEquals("借出 1 件，逾期 0 件 · 访客不可借用", text("#loans-summary"));

        clock.advance(Duration.ofDays(3)); // exactly 3 days: not yet overdue
        FxToolkit.run(() -> executor.advance(Duration.ofSeconds(1)));
        assertEquals(Screen.STAFF_LOANS, screen());
        assertFalse(overdue(loan));
        clock.advance(Duration.ofMinutes(1));
        FxToolkit.run(() -> executor.advance(Duration.ofSeconds(1)));
        assertEquals(Screen.STAFF_LOANS, screen());
        assertTrue(overdue(loan), "overdue once the clock passed 3 days");
        assertTrue(text("#loan-" + loan.id()).endsWith("— 已逾期"));
        assertEquals("借出 1 件，逾期 1 件 · 访客不可借用", text("#loans-summary"));

        tap("#loans-back");
        assertEquals(Screen.STAFF, screen());
        tap("#staff-tickets");
        assertEquals(1L, FxToolkit.call(() -> scene.lookup("#staff-loans").getProperties().get("overdue")),
                "the staff screen's loans button turns red");
    }

    @Test
    void aSecondReturnOrAnUnknownLoanIsRefusedWithAMessageAndNothingIsRecordedTwice() {
        Loan loan = memberBorrowsAnUmbrella();
        staffLoans();
        tap("#return-" + loan.id());
        assertEquals("雨伞已归还，谢谢", text("#loan-message"));
        assertEquals("没有借出的物品", FxToolkit.call(() -> ((Label) ((javafx.scene.layout.VBox) scene.lookup("#loan-list"))
                .getChildren().getFirst()).getText()));
        FxToolkit.run(() -> vm.returnLoan(loan.id())); // e.g. a second tap that arrives after the list changed
        assertEquals("这件物品已经归还过，不再重复记录", text("#loan-message"));
        FxToolkit.run(() -> vm.returnLoan(UUID.randomUUID()));
        assertEquals("本驿站没有这笔借用，未做记录", text("#loan-message"));
        FxToolkit.run(() -> vm.lend(LoanItem.POWER_BANK)); // no member on the staff screen: a guest
        assertEquals("本驿站不向访客出借，请使用会员卡", text("#loan-message"));
        assertFalse(find("#lend-guest-UMBRELLA").getParent().isVisible(), "no guest lending here");
        assertEquals(2, loanRecords(), "one LENT and one RETURNED record");
    }

    @Test
    void whereTheStationAllowsItStaffLendToAGuestCountedWithoutIdentity() {
        rules = LoanDesk.Rules.DEFAULTS.with(2, true); // as the district's station settings say
        staffLoans();
        tap("#lend-guest-RAINCOAT");
        assertEquals("已借出雨衣：请在 2 天内归还到任一驿站", text("#loan-message"));
        Loan guest = FxToolkit.call(() -> vm.loans().out().getFirst());
        assertTrue(guest.guest());
        assertTrue(text("#loan-" + guest.id()).endsWith("雨衣 · 访客 — 借出中"), text("#loan-" + guest.id()));
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        FxToolkit.run(() -> executor.advance(Duration.ofSeconds(1)));
        assertTrue(overdue(guest), "overdue after the station's 2 days");
        tap("#return-" + guest.id());
        assertEquals("雨衣已归还，谢谢", text("#loan-message"));
        assertEquals(2, loanRecords());
    }

    @Test
    @Tag("screenshots")
    void loanScreensScreenshots() throws IOException {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        Loan loan = memberBorrowsAnUmbrella();
        shoot(out, "loan-member");
        FxToolkit.run(() -> {
            vm.backToIdle();
            vm.scanned(demo.card("rider").qrText());
            vm.openMemberLoans();
            vm.lend(LoanItem.POWER_BANK);
        });
        clock.advance(Duration.ofDays(3).plusHours(2));
        staffLoans();
        FxToolkit.run(() -> executor.advance(Duration.ofSeconds(1)));
        assertTrue(overdue(loan));
        shoot(out, "staff-loans");
        List<String> problems = FxToolkit.call(() -> TouchTargets.problems(scene.getRoot(), 96));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertInstanceOf(Button.class, find("#return-" + loan.id()));
    }

    private void shoot(Path out, String name) throws IOException {
        var img = FxToolkit.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        });
        ImageIO.write(img, "png", out.resolve(name + ".png").toFile());
    }
}
