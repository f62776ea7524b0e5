package dev.arca.cli;

import dev.arca.bundle.BundleCheck;
import dev.arca.bundle.BundleVerifier;
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
import java.nio.file.Files;
import java.nio.file.Path;
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
                "Prints one line per bundle, its ID and ok or the first problem found, then a summary on stderr. "
                        + "Every bundle in the store is checked when no ID is given."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:Every bundle is intact.",
                "1:At least one bundle is damaged, an ID is unknown, or the store cannot be read.",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca verify",
                "  arca verify 1ngm35gdgzb 1ngm36",
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

    @Option(names = "--json", description = "Print one JSON object per bundle: id, bundle, bytes, status (ok or damaged), reason and problem.")
    boolean json;

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
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BundleCheck>> checks = new ArrayList<>();
            for (Target t : targets) {
                checks.add(pool.submit(() -> BundleVerifier.verify(t.bundle())));
            }
            for (int i = 0; i < targets.size(); i++) {
                BundleCheck check = result(checks.get(i));
                bytes += check.bytes();
                damaged += check.ok() ? 0 : 1;
                print(targets.get(i).id(), check);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        arca.note(String.format(Locale.ROOT, "verified %d bundle%s (%s) in %.1f s: %d ok, %d damaged",
                targets.size(), targets.size() == 1 ? "" : "s", Sizes.human(bytes), seconds,
                targets.size() - damaged, damaged));
        return failures + damaged == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A bundle to check and the ID it is shown under. */
    private record Target(String id, Path bundle) {
    }

    private Target target(String id) throws IOException {
        Path file = Path.of(id);
        if (id.endsWith(".wacz") && Files.isRegularFile(file)) {
            String name = file.getFileName().toString();
            return new Target(name.substring(0, name.length() - ".wacz".length()), file.toAbsolutePath());
        }
        StoreEntry entry = arca.store().find(id);
        return new Target(entry.id(), entry.bundle());
    }

    private static BundleCheck result(Future<BundleCheck> check) throws InterruptedException {
        try {
            return check.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void print(String id, BundleCheck check) {
        PrintStream out = arca.console().out();
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", id);
            line.put("bundle", check.bundle().toString());
            line.put("bytes", check.bytes());
            line.put("status", check.ok() ? "ok" : "damaged");
            line.put("reason", check.ok() ? null : check.reason().name().toLowerCase(Locale.ROOT));
            line.put("problem", check.problem());
            out.println(Json.line(line));
        } else {
            out.println(Columns.clean(id) + "\t" + (check.ok() ? "ok" : "damaged: " + Columns.clean(check.problem())));
        }
        out.flush();
    }
}
