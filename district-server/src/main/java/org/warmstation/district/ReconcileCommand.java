package org.warmstation.district;

import java.util.concurrent.Callable;
import org.warmstation.district.db.EpochStore;
import org.warmstation.district.ledger.LedgerStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code district-server reconcile}: lists open findings; exit code 1 when there are any. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "List the open reconciliation findings (gaps, mismatches) of every station.")
final class ReconcileCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return db.withConnection(spec, (c, out) -> {
            var open = new LedgerStore().allOpen(c);
            if (open.isEmpty()) {
                out.println("no open findings");
            }
            for (LedgerStore.OpenFinding o : open) {
                var f = o.finding();
                out.printf("%d/%s %s%s %s: %s%s%n", f.district(), f.station(), f.day(),
                        f.epoch().equals(EpochStore.NONE) ? "" : " epoch " + f.epoch(), f.kind(), f.detail(),
                        o.resendSentAt() == null ? "" : " (resend requested " + o.resendSentAt() + ")");
            }
            return open.isEmpty() ? 0 : 1;
        });
    }
}
