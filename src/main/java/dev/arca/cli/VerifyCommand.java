package dev.arca.cli;

import dev.arca.bundle.BundleCheck;
import dev.arca.bundle.IndexResolution;
import dev.arca.bundle.SignatureCheck;
import dev.arca.fetch.Sizes;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code arca verify}: find bundles that rotted or were tampered with, before they are needed. */
@Command(name = "verify",
        description = {"Check bundles for damage: recompute the hash and size of every member against datapackage.json "
                + "and datapackage-digest.json, every WARC record's block and payload digest, check that each CDXJ "
                + "index line points at the record it names, and that article/article.json matches the WARC's "
                + "metadata record.",
                "A WACZ another tool wrote is held to what WACZ 1.1.1 requires: its listed members, its WARCs' records, "
                        + "and each line of its indexes (CDXJ or CDX, gzipped or not) resolving to a record of those WARCs "
                        + "with the line's URL, date, offset and length, and each block a ZipNum .idx names being the gzip "
                        + "member it says, starting with its key; the line adds how many resolve, or how many do not "
                        + "and the first of them, which makes the WACZ damaged.",
                "Checks signatures too: a signed bundle is ok only when its signature holds over every byte "
                        + "(and shows the key's fingerprint, and its RFC 3161 time-stamp when it has one); "
                        + "a bundle changed after it was signed is damaged or its signature invalid, never ok.",
                "Prints one line per bundle, its ID and ok or the first problem found, then a summary on stderr. "
                        + "Every bundle in the store is checked when no ID is given."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:Every bundle is intact, and every signature holds.",
                "1:At least one bundle is damaged, an ID is unknown, or the store cannot be read.",
                "2:Usage error.",
                "4:Every bundle is intact, but at least one signature is invalid.",
                "5:With --signed: no bundle is damaged and no signature invalid, but at least one bundle is not signed."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca verify",
                "  arca verify 1ngm35gdgzb 1ngm36",
                "  arca verify --signed 1ngm35gdgzb",
                "  arca verify --json | jq -r 'select(.status == \"damaged\") | .bundle'"},
        mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*",
            description = "Captures to check, by ID or unique prefix, or paths of .wacz files (default: every bundle in the store).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object per bundle: id, bundle, bytes, status (ok, damaged, "
            + "invalid or unsigned), reason, problem, signature, and for a WACZ another tool wrote index (lines, "
            + "unresolved, first).")
    boolean json;

    @Option(names = "--signed", description = "Require a valid signature: an unsigned bundle, or one signed in a form arca "
            + "does not check, fails (exit status 5).")
    boolean signed;

    @Option(names = "--tsa-cert", paramLabel = "FILE",
            description = "Trust the CA certificates in FILE (PEM) for time-stamps, besides the JVM's trusted roots.")
    Path tsaCert;

    @Option(names = "--jobs", paramLabel = "N", converter = Ranges.Jobs.class,
            description = "Check N bundles at a time; " + Ranges.JOBS + " (default: the number of processors).")
    Integer jobs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        int failures = 0;
        List<Target> targets = new ArrayList<>();
        if (ids.isEmpty()) {
            Store store = arca.store();
            store.requireExists();
            store.entries().forEach(e -> targets.add(new Target(e.id(), e.bundle())));
        } else {
            for (String id : ids) {
                try {
                    targets.add(target(id));
                } catch (IOException e) {
                    arca.error("verify " + id + ": " + ErrorHandler.describe(e));
                    failures++;
                }
            }
        }
        long started = System.nanoTime();
        long bytes = 0;
        int damaged = 0;
        Map<SignatureCheck.Status, Integer> signatures = new EnumMap<>(SignatureCheck.Status.class);
        Collection<X509Certificate> roots = tsaCert == null ? null : SigningOptions.roots(tsaCert);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SignatureCheck>> checks = new ArrayList<>();
            for (Target t : targets) {
                checks.add(pool.submit(() -> roots == null ? SignatureCheck.verify(t.bundle()) : SignatureCheck.verify(t.bundle(), roots)));
            }
            for (int i = 0; i < targets.size(); i++) {
                SignatureCheck check = result(checks.get(i));
                bytes += check.bundle().bytes();
                damaged += check.bundle().ok() ? 0 : 1;
                signatures.merge(check.status(), 1, Integer::sum);
                print(targets.get(i).id(), check);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int invalid = signatures.getOrDefault(SignatureCheck.Status.INVALID, 0);
        int unsigned = signed ? signatures.getOrDefault(SignatureCheck.Status.UNSIGNED, 0)
                + signatures.getOrDefault(SignatureCheck.Status.UNSUPPORTED, 0) : 0;
        int valid = signatures.getOrDefault(SignatureCheck.Status.VALID, 0);
        arca.note(String.format(Locale.ROOT, "verified %d bundle%s (%s) in %.1f s: %d ok, %d damaged",
                targets.size(), targets.size() == 1 ? "" : "s", Sizes.human(bytes), seconds,
                targets.size() - damaged - invalid - unsigned, damaged)
                + (invalid > 0 ? ", " + invalid + " with an invalid signature" : "")
                + (unsigned > 0 ? ", " + unsigned + " not signed" : "")
                + (valid > 0 ? "; " + valid + " signed and valid" : ""));
        if (failures + damaged > 0) {
            return ExitCodes.FAILED;
        }
        return invalid > 0 ? ExitCodes.SIGNATURE_INVALID : unsigned > 0 ? ExitCodes.UNSIGNED : ExitCodes.OK;
    }

    /** A bundle to check and the ID it is shown under. */
    private record Target(String id, Path bundle) {
    }

    private Target target(String id) throws IOException {
        StoreEntry entry = arca.bundle(id);
        return new Target(entry.id(), entry.bundle());
    }

    private static SignatureCheck result(Future<SignatureCheck> check) throws InterruptedException {
        try {
            return check.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void print(String id, SignatureCheck check) {
        PrintStream out = arca.console().out();
        BundleCheck bundle = check.bundle();
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", id);
            line.put("bundle", bundle.bundle().toString());
            line.put("bytes", bundle.bytes());
            line.put("status", status(check));
            line.put("reason", bundle.ok() ? null : bundle.reason().name().toLowerCase(Locale.ROOT));
            line.put("problem", check.problem());
            line.put("signature", check.status() == SignatureCheck.Status.DAMAGED ? null : signature(check));
            line.put("index", index(bundle.index()));
            out.println(Json.line(line));
        } else {
            IndexResolution index = bundle.index();
            String resolved = index == null || index.summary().equals(check.problem()) ? "" : "; " + index.summary();
            out.println(Columns.clean(id) + "\t" + Columns.clean(text(check) + resolved));
        }
        out.flush();
    }

    private String status(SignatureCheck check) {
        return switch (check.status()) {
            case DAMAGED -> "damaged";
            case INVALID -> "invalid";
            case UNSIGNED, UNSUPPORTED -> signed ? "unsigned" : "ok";
            case VALID -> "ok";
        };
    }

    private String text(SignatureCheck check) {
        return switch (check.status()) {
            case DAMAGED -> "damaged: " + check.problem();
            case INVALID -> "signature invalid: " + check.problem();
            case UNSIGNED -> signed ? "unsigned" : "ok";
            case UNSUPPORTED -> (signed ? "unsigned: " : "ok, signature not checked: ") + check.problem();
            case VALID -> "ok, signed by " + check.fingerprint() + (check.timestamp() == null ? ""
                    : ", time-stamped " + check.timestamp().time() + " by " + check.timestamp().authority()
                    + (check.timestamp().trusted() ? "" : " (not trusted: " + check.timestamp().untrusted() + ")"));
        };
    }

    /** A foreign WACZ's index lines, counted; null for arca's own bundles. */
    private static Map<String, Object> index(IndexResolution index) {
        if (index == null) {
            return null;
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("lines", index.lines());
        counts.put("unresolved", index.unresolved());
        counts.put("first", index.first());
        return counts;
    }

    private static Map<String, Object> signature(SignatureCheck check) {
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("status", check.status().name().toLowerCase(Locale.ROOT));
        signature.put("fingerprint", check.fingerprint());
        signature.put("created", check.created());
        signature.put("software", check.software());
        SignatureCheck.Timestamp stamp = check.timestamp();
        if (stamp == null) {
            signature.put("timestamp", null);
        } else {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("time", stamp.time().toString());
            t.put("authority", stamp.authority());
            t.put("trusted", stamp.trusted());
            t.put("untrusted", stamp.untrusted());
            signature.put("timestamp", t);
        }
        signature.put("problem", check.status() == SignatureCheck.Status.VALID || check.status() == SignatureCheck.Status.UNSIGNED
                ? null : check.problem());
        return signature;
    }
}
