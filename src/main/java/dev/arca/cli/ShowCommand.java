package dev.arca.cli;

import dev.arca.bundle.BundleReader;
import dev.arca.bundle.CaptureWarning;
import dev.arca.bundle.RecordSummary;
import dev.arca.fetch.Sizes;
import dev.arca.store.StoreEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code arca show}: one capture's metadata and the records of its bundle. */
@Command(name = "show",
        description = {"Print a capture's metadata and the WARC records in its bundle.",
                "A capture whose derived steps (extraction, Markdown, the article's JSON) failed or warned "
                        + "shows one 'warning:' line for each: the step and why."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The capture was shown.",
                "1:No capture has that ID, the prefix is ambiguous, or the bundle is damaged.",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca show 1ngm35gdgzb",
                "  arca show 1ngm35 --json"},
        mixinStandardHelpOptions = true)
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    private ArcaCommand arca;

    @Parameters(paramLabel = "ID", description = "The capture's ID, a unique prefix of it, or the path of a .wacz file.")
    String id;

    @Option(names = "--json", description = "Print the metadata and records as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        StoreEntry entry = arca.bundle(id);
        try (BundleReader reader = BundleReader.open(entry.bundle())) {
            if (reader.foreign()) {
                showForeign(entry, reader);
                return ExitCodes.OK;
            }
            StoredCapture capture = new StoredCapture(entry, reader.articleForListing(), reader.warnings());
            List<RecordSummary> records = reader.records();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>(capture.metadata());
                out.put("records", records.stream().map(ShowCommand::json).toList());
                arca.console().out().println(Json.line(out));
            } else {
                print(capture, records, arca.console().out());
            }
        }
        return ExitCodes.OK;
    }

    /**
     * A WACZ another tool wrote has no article: what its datapackage.json says of it, and the
     * records of its WARC files.
     */
    private void showForeign(StoreEntry entry, BundleReader reader) throws IOException {
        Map<String, String> fields = reader.packageFields();
        List<RecordSummary> records = reader.records();
        PrintStream out = arca.console().out();
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("bundle", entry.bundle().toString());
            object.put("foreign", true);
            object.put("package", fields);
            object.put("records", records.stream().map(ShowCommand::json).toList());
            out.println(Json.line(object));
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[]{"bundle:", Columns.clean(entry.bundle().toString())});
        lines.add(new String[]{"size:", Sizes.human(entry.size())});
        fields.forEach((k, v) -> lines.add(new String[]{k + ":", Columns.clean(v)}));
        print(lines, records, out);
    }

    /** A record as JSON, its date in ISO-8601 as everywhere else in arca's output. */
    private static Map<String, Object> json(RecordSummary r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", r.type());
        out.put("target", r.target());
        out.put("date", r.date() == null ? null : r.date().toString());
        out.put("contentType", r.contentType());
        out.put("length", r.length());
        out.put("status", r.status());
        return out;
    }

    private static void print(StoredCapture capture, List<RecordSummary> records, PrintStream out) {
        Map<String, Object> fields = capture.metadata();
        fields.put("size", Sizes.human(capture.entry().size()));
        fields.remove("warnings");
        List<String[]> lines = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
                lines.add(new String[]{k + ":", Columns.clean(v instanceof List<?> l
                        ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(v))});
            }
        });
        for (CaptureWarning w : capture.warnings()) {
            lines.add(new String[]{"warning:", Columns.clean(w.line())});
        }
        print(lines, records, out);
    }

    /** The fields as aligned {@code name: value} lines, then the table of records. */
    private static void print(List<String[]> lines, List<RecordSummary> records, PrintStream out) {
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        for (String[] l : lines) {
            out.println(l[0] + " ".repeat(width - l[0].length() + 1) + l[1]);
        }
        out.println();
        Table table = new Table("RECORD", "STATUS", "TYPE", "BYTES", "TARGET");
        for (RecordSummary r : records) {
            table.add(r.type(), r.status() == 0 ? "-" : Integer.toString(r.status()), r.contentType(),
                    Long.toString(r.length()), r.target() == null ? "-" : r.target());
        }
        table.print(out);
    }
}
