package dev.arca.cli;

import dev.arca.fetch.Sizes;
import dev.arca.index.StoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code arca stats}: how much the store holds, and over what time. */
@Command(name = "stats",
        description = "Print the number of captures and sites, the total size, the oldest and newest capture, "
                + "and the captures per month.",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {"0:The statistics were printed.", "1:The store or its index could not be read.", "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {"  arca stats", "  arca stats --json | jq .captures"})
final class StatsCommand implements Callable<Integer> {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @ParentCommand
    private ArcaCommand arca;

    @Option(names = "--json", description = "Print one JSON object, sizes in bytes and times in ISO-8601.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        StoreStats stats = arca.index().stats();
        PrintStream out = arca.console().out();
        if (json) {
            out.println(Json.line(object(stats)));
        } else {
            print(stats, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> object(StoreStats stats) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("captures", stats.captures());
        object.put("sites", stats.sites());
        object.put("totalSize", stats.totalSize());
        object.put("oldest", stats.oldest() == null ? null : stats.oldest().toString());
        object.put("newest", stats.newest() == null ? null : stats.newest().toString());
        object.put("unreadable", stats.unreadable());
        object.put("indexSize", stats.indexSize());
        object.put("months", stats.months());
        return object;
    }

    private static void print(StoreStats stats, PrintStream out) {
        out.println("captures:    " + stats.captures());
        out.println("sites:       " + stats.sites());
        out.println("total size:  " + Sizes.human(stats.totalSize()));
        out.println("oldest:      " + time(stats.oldest()));
        out.println("newest:      " + time(stats.newest()));
        out.println("unreadable:  " + stats.unreadable());
        out.println("index size:  " + Sizes.human(stats.indexSize()));
        if (stats.months().isEmpty()) {
            return;
        }
        out.println();
        Table table = new Table("MONTH", "CAPTURES");
        for (StoreStats.Month month : stats.months()) {
            table.add(month.month(), Long.toString(month.captures()));
        }
        table.print(out);
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : MINUTES.format(instant);
    }
}
