package dev.arca.cli;

import dev.arca.bundle.BundleSigner;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import dev.arca.store.StoreLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code arca sign}: sign bundles already in the store. */
@Command(name = "sign",
        description = {"Sign existing bundles with the local key (see 'arca key create'), as the WACZ 1.1.1 signing "
                + "specification's anonymous form does: datapackage-digest.json gets a signedData object. Any earlier "
                + "signature is replaced; every other member stays byte for byte. A damaged bundle is not signed.",
                "Prints one line per capture: its ID, 'signed' and the key's fingerprint, or why it failed. "
                        + "Takes the store's lock, as fetch does, because it rewrites bundles."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:Every bundle was signed.",
                "1:At least one could not be: an unknown ID, a damaged bundle, a missing or unsafe key, a failed time-stamp.",
                "2:Usage error.",
                "3:The store is locked by another run and --no-wait was given."},
        footerHeading = "%nExamples%n",
        footer = {"  arca sign 1ngm35gdgzb",
                "  arca sign --tsa https://freetsa.org/tsr 1ngm35 1ngm36",
                "  arca list --json | jq -r .id | xargs arca sign"},
        mixinStandardHelpOptions = true)
final class SignCommand implements Callable<Integer> {

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Captures to sign, by ID or unique prefix.")
    List<String> ids = new ArrayList<>();

    @Mixin
    SigningOptions signing;

    @Option(names = "--json", description = "Print one JSON object per capture: id, bundle, status (signed or failed), fingerprint and error.")
    boolean json;

    @Option(names = "--no-wait", description = "If another run holds the store, exit with status 3 instead of waiting.")
    boolean noWait;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BundleSigner signer = signing.signer(spec, arca.console());
        String fingerprint = signer.fingerprint();
        Store store = arca.store();
        store.requireExists();
        Optional<StoreLock> free = store.tryLock();
        if (free.isEmpty() && noWait) {
            arca.error("the store " + store.root() + " is in use by another arca run; not waiting (--no-wait)");
            return ExitCodes.LOCKED;
        }
        int failed = 0;
        try (StoreLock lock = free.isPresent() ? free.get() : waitFor(store)) {
            for (String id : ids) {
                StoreEntry entry = null;
                try {
                    entry = store.find(id);
                    signer.sign(entry.bundle());
                    print(entry.id(), entry, fingerprint, null);
                } catch (IOException e) {
                    failed++;
                    String why = ErrorHandler.describe(e);
                    arca.error("sign " + id + ": " + why);
                    print(entry == null ? id : entry.id(), entry, null, why);
                }
            }
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private StoreLock waitFor(Store store) throws IOException, InterruptedException {
        arca.note("the store " + store.root() + " is in use by another arca run; waiting for it to finish");
        return store.lock();
    }

    private void print(String id, StoreEntry entry, String fingerprint, String error) {
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", id);
            line.put("bundle", entry == null ? null : entry.bundle().toString());
            line.put("status", error == null ? "signed" : "failed");
            line.put("fingerprint", fingerprint);
            line.put("error", error);
            arca.console().out().println(Json.line(line));
        } else {
            arca.console().out().println(Columns.clean(id) + "\t" + (error == null ? "signed\t" + fingerprint : "failed: " + Columns.clean(error)));
        }
    }
}
