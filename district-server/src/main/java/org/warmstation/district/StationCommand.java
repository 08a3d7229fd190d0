package org.warmstation.district;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.settings.HoursText;
import org.warmstation.district.settings.SettingsForm;
import org.warmstation.district.settings.SettingsService;
import org.warmstation.district.settings.SettingsStatus;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code district-server station settings|neighbours}: what the district sets on its stations. */
@Command(name = "station", mixinStandardHelpOptions = true, description = "Set a station's settings from the district.",
        subcommands = {StationCommand.Settings.class, StationCommand.NeighboursCommand.class})
final class StationCommand {

    /**
     * {@code station settings STATION}: starts from the station's current document (or all
     * services, no limits), takes {@code --file} and then each option, checks the whole document
     * and queues it (the running district server sends it), or with {@code --show} prints the
     * newest version and the station's answer. The new staff PIN is typed twice, never an argument.
     */
    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "Send a station new settings (hours, services, duplicate window, cold alert, staff PIN, loans, supplies, ratings, voice prompts), or show the last ones and the station's answer.")
    static final class Settings extends DistrictDbCommand {
        @Parameters(index = "0", paramLabel = "STATION")
        String station;
        @Option(names = "--show", description = "print the newest settings and the station's answer; send nothing")
        boolean show;
        @Option(names = "--file", paramLabel = "JSON", description = "a settings document (the downlink's 'settings' JSON)")
        Path file;
        @Option(names = "--hours", paramLabel = "TEXT", description = "weekly hours, e.g. 'MON-FRI 07:00-22:00; SAT,SUN 09:00-17:00'; '' = around the clock")
        String hours;
        @Option(names = "--closed", paramLabel = "DATE", split = ",", description = "dates closed all day, e.g. 2026-12-25,2027-01-01")
        List<String> closed = List.of();
        @Option(names = "--special", paramLabel = "DATE=SPANS", description = "other hours on a date, e.g. 2026-12-31=07:00-18:00 (repeatable)")
        List<String> special = List.of();
        @Option(names = "--services", paramLabel = "LIST", description = "services offered, e.g. HOT_WATER,TOILET,WARM_UP")
        String services;
        @Option(names = "--duplicate-window", paramLabel = "MINUTES", description = "a second scan within this counts as the same visit; '' = the station's own")
        String duplicateWindow;
        @Option(names = "--cold-alert", paramLabel = "CELSIUS", description = "room too cold below this; '' = the station's own")
        String coldAlert;
        @Option(names = "--announcement", paramLabel = "TEXT", description = "notice on the idle screen; '' = none")
        String announcement;
        @Option(names = "--loan-overdue-days", paramLabel = "DAYS", description = "a loan is overdue after this many days, 1-60; '' = the station's own")
        String loanOverdueDays;
        @Option(names = "--guest-loans", paramLabel = "yes|no", description = "whether guests may borrow; '' = the station's own")
        String guestLoans;
        @Option(names = "--ratings", paramLabel = "yes|no", description = "whether the kiosk asks for a rating after a check-in; '' = the station's own")
        String ratings;
        @Option(names = "--supplies", paramLabel = "ITEMS", description = "supply items 'CODE lowAt perMemberLimit', separated by ';', e.g. 'GLOVES 10 1; HATS 10 1'; none = no items; '' = the station's own")
        String supplies;
        @Option(names = "--voice", paramLabel = "yes|no", description = "whether the kiosk speaks its prompts; '' = the station's own")
        String voice;
        @Option(names = "--voice-volume", paramLabel = "PERCENT", description = "prompt volume 0-100; '' = the station's own")
        String voiceVolume;
        @Option(names = "--voice-quiet-hours", paramLabel = "SPANS", description = "no prompts then, e.g. 22:00-07:00 or none; '' = the station's own")
        String voiceQuietHours;
        @Option(names = "--reset-pin", description = "set a new staff PIN, typed twice (terminal or two lines of standard input)")
        boolean resetPin;
        @Option(names = "--by", paramLabel = "NAME", defaultValue = "${sys:user.name}", description = "who sends it (default: the OS user)")
        String by;

        @Override
        public Integer call() throws Exception {
            try (DistrictDatabase database = db.open()) {
                SettingsService service = new SettingsService(database, district, Clock.systemUTC());
                var out = spec.commandLine().getOut();
                if (show) {
                    out.println(service.status(station).map(Settings::describe).orElse(station + ": no settings sent yet"));
                    out.flush();
                    return 0;
                }
                StationSettings base = file != null ? readFile(file)
                        : service.status(station).map(SettingsStatus::settings).orElse(null);
                SettingsForm f = base == null ? SettingsForm.blank() : SettingsForm.of(base);
                String exceptions = f.exceptions();
                for (String d : closed) {
                    exceptions += d.strip() + " closed\n";
                }
                for (String s : special) {
                    var e = HoursText.parseAssignment(s);
                    exceptions += HoursText.format(List.of(e));
                }
                String pin = resetPin ? TypedTwice.read("New staff PIN for " + station, "PINs") : "";
                SettingsForm form = new SettingsForm(hours != null ? hours : f.hours(), exceptions,
                        services != null ? services : f.services(),
                        duplicateWindow != null ? duplicateWindow : f.duplicateWindow(),
                        coldAlert != null ? coldAlert : f.coldAlert(),
                        announcement != null ? announcement : f.announcement(), pin, pin,
                        or(loanOverdueDays, f.loanOverdueDays()), or(guestLoans, f.guestLoans()), or(ratings, f.ratings()),
                        or(supplies, f.supplies()), or(voice, f.voiceEnabled()), or(voiceVolume, f.voiceVolume()),
                        or(voiceQuietHours, f.voiceQuietHours()));
                StationSettings checked = form.toSettings(base);
                SettingsStatus s = service.send(station, checked, "cli:" + by);
                out.println("settings v" + s.version() + " for " + station + " queued (command " + s.commandId()
                        + "); the running district server sends it. The station's answer: district-server station settings "
                        + station + " --district " + district + " --show");
                out.flush();
                return 0;
            }
        }

        /** @return the option when given, else the previous document's value */
        private static String or(String option, String previous) {
            return option != null ? option : previous;
        }

        private static StationSettings readFile(Path file) throws java.io.IOException {
            try {
                return Wire.decode(Files.readAllBytes(file), StationSettings.class);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage().replaceFirst("^StationSettings: ", ""), e);
            }
        }

        private static String own(String value, String unit) {
            return value.isEmpty() ? "station's own" : value + unit;
        }

        private static String describe(SettingsStatus s) {
            StringBuilder sb = new StringBuilder();
            sb.append("settings v").append(s.version()).append(' ').append(s.state());
            if (s.ackedAt() != null) {
                sb.append(" at ").append(s.ackedAt());
            } else if (s.sentAt() != null) {
                sb.append(", sent ").append(s.sentAt());
            }
            if (s.message() != null) {
                sb.append(": ").append(s.message());
            }
            sb.append("\nissued ").append(s.issuedAt()).append(" by ").append(s.issuedBy())
                    .append(s.pinReset() ? " (staff PIN reset)" : "").append('\n');
            SettingsForm f = SettingsForm.of(s.settings());
            sb.append("hours: ").append(f.hours().isEmpty() ? "around the clock" : f.hours()).append('\n');
            if (!f.exceptions().isEmpty()) {
                sb.append("exceptions:\n").append(f.exceptions());
            }
            sb.append("services: ").append(f.services()).append('\n');
            sb.append("duplicate window: ").append(f.duplicateWindow().isEmpty() ? "station's own" : f.duplicateWindow() + " min").append('\n');
            sb.append("cold alert: ").append(f.coldAlert().isEmpty() ? "station's own" : f.coldAlert() + " °C");
            if (!f.announcement().isEmpty()) {
                sb.append("\nannouncement: ").append(f.announcement());
            }
            sb.append("\nloans: overdue after ").append(own(f.loanOverdueDays(), " days"))
                    .append(", guests ").append(own(f.guestLoans(), ""));
            sb.append("\nratings: ").append(own(f.ratings(), ""));
            sb.append("\nsupplies: ").append(f.supplies().isEmpty() ? "station's own"
                    : f.supplies().strip().replace("\n", "; "));
            sb.append("\nvoice: ").append(own(f.voiceEnabled(), "")).append(", volume ").append(own(f.voiceVolume(), " %"))
                    .append(", quiet hours ").append(own(f.voiceQuietHours(), ""));
            return sb.toString();
        }
    }

    /** {@code station neighbours}: queues each station's neighbour list that changed. */
    @Command(name = "neighbours", mixinStandardHelpOptions = true,
            description = "Send each station the nearest stations with their hours, where the list changed.")
    static final class NeighboursCommand extends DistrictDbCommand {

        @Override
        public Integer call() throws Exception {
            try (DistrictDatabase database = db.open()) {
                int n = new SettingsService(database, district, Clock.systemUTC()).refreshNeighbours("cli");
                spec.commandLine().getOut().println(n + " neighbour lists queued");
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
