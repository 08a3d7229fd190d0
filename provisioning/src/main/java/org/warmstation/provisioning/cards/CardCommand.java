package org.warmstation.provisioning.cards;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.provisioning.ProvisioningException;
import org.warmstation.provisioning.district.DistrictKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code station card ...}: issuing and checking member cards. */
@Command(name = "card", description = "Issue member cards (PNG, print PDF) and check cards.",
        mixinStandardHelpOptions = true, subcommands = {CardCommand.Issue.class, CardCommand.Verify.class})
public final class CardCommand {

    /** {@code card issue}: thin wrapper of {@link CardIssuer}. */
    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Sign and render member cards: one (--category ...) or a batch (--csv FILE).")
    static final class Issue implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "district key file (district-ID.key)")
        Path key;

        @Option(names = "--union", required = true, paramLabel = "NAME", description = "issuing union, e.g. 北京市朝阳区总工会")
        String union;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for card-SERIAL.png (and cards.pdf)")
        Path out;

        @Option(names = "--csv", paramLabel = "FILE",
                description = "batch: CSV with category,valid_from,valid_until[,member_id]; also writes cards.pdf")
        Path csv;

        @Option(names = "--category", paramLabel = "CAT", description = "one card: COURIER, 快递员, FOOD_DELIVERY, 外卖骑手, ...")
        String category;

        @Option(names = "--valid-from", paramLabel = "DATE", description = "one card: first valid day, YYYY-MM-DD")
        LocalDate validFrom;

        @Option(names = "--valid-until", paramLabel = "DATE", description = "one card: last valid day, YYYY-MM-DD")
        LocalDate validUntil;

        @Option(names = "--serial", paramLabel = "N", description = "one card: this serial (default: next free one)")
        Long serial;

        @Option(names = "--member-id", paramLabel = "HEX", description = "one card: re-issue to this member id (16 hex digits)")
        String memberId;

        @Override
        public Integer call() {
            try {
                List<CardRequest> requests = requests();
                var dk = DistrictKeyFiles.readKey(key);
                var issuer = new CardIssuer(dk, CardRegister.besideKey(key));
                var cards = issuer.issue(requests, union, out, csv != null, Instant.now());
                var w = spec.commandLine().getOut();
                for (var c : cards) {
                    w.printf("card %d: %s, valid %s..%s -> %s%n", c.card().cardSerial(), c.card().category(),
                            c.card().validFrom(), c.card().validUntil(), c.png());
                }
                if (csv != null) {
                    w.printf("print sheet %s (%d cards; print at 100 %%, cut along the marks)%n",
                            out.resolve(CardIssuer.PDF_NAME), cards.size());
                }
                w.printf("recorded in %s%n", CardRegister.besideKey(key).file());
                return 0;
            } catch (ProvisioningException e) {
                spec.commandLine().getErr().println("card issue: " + e.getMessage());
                return e.exitCode();
            }
        }

        private List<CardRequest> requests() throws ProvisioningException {
            boolean single = category != null || validFrom != null || validUntil != null || serial != null
                    || memberId != null;
            if (csv != null && single) {
                throw usage("give either --csv or --category/--valid-from/--valid-until, not both");
            }
            if (csv != null) {
                return CardCsv.read(csv);
            }
            if (category == null || validFrom == null || validUntil == null) {
                throw usage("one card needs --category, --valid-from and --valid-until (or give --csv FILE)");
            }
            try {
                Optional<MemberCard.MemberId> member = memberId == null ? Optional.empty()
                        : Optional.of(MemberCard.MemberId.ofHex(memberId.strip().toLowerCase(java.util.Locale.ROOT)));
                return List.of(new CardRequest(CardCsv.category(category), validFrom, validUntil, member,
                        serial == null ? OptionalLong.empty() : OptionalLong.of(serial)));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }

        private static ProvisioningException usage(String message) {
            return new ProvisioningException(ProvisioningException.USAGE, message);
        }
    }

    /** {@code card verify}: thin wrapper of {@link CardCheck}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a card's QR text or an image of it as a station would; exit 0 valid, 1 rejected, 2 usage error.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TEXT|IMAGE", description = "the QR text (WSM:...) or an image file of the card")
        String input;

        @Option(names = "--trust", required = true, paramLabel = "FILE", description = "trust list")
        Path trust;

        @Option(names = "--deny", paramLabel = "FILE", description = "deny-list of revoked cards")
        Path deny;

        @Option(names = "--district", paramLabel = "ID", description = "accept only this district (default: every district of the trust list)")
        String district;

        @Override
        public Integer call() {
            try {
                OptionalInt d = district == null ? OptionalInt.empty()
                        : OptionalInt.of(DistrictKeyFiles.parseDistrictId(district));
                var outcome = CardCheck.check(input, trust, Optional.ofNullable(deny), d, Instant.now());
                spec.commandLine().getOut().println(outcome.message());
                return outcome.exitCode();
            } catch (ProvisioningException e) {
                spec.commandLine().getErr().println("card verify: " + e.getMessage());
                return e.exitCode();
            }
        }
    }
}
