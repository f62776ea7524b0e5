package dev.arca.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The job's command line: {@code --output OUT [--bundles DIR] INPUT...}.
 *
 * @param output  where the Parquet table goes (any Hadoop file system); it must not exist yet
 * @param bundles a local (or shared, mounted) directory that receives an arca store, or null
 * @param inputs  WARC and WACZ files, directories of them, or globs
 */
record Arguments(String output, String bundles, List<String> inputs) {

    static final String USAGE = "usage: spark-submit --class dev.arca.spark.ExtractArticles arca-spark.jar"
            + " --output OUT [--bundles DIR] INPUT...";

    /** The arguments, or an {@link IllegalArgumentException} that says what is wrong with them. */
    static Arguments parse(String... args) {
        String output = null;
        String bundles = null;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--output", "--bundles" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    if (arg.equals("--output")) {
                        output = args[++i];
                    } else {
                        bundles = args[++i];
                    }
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    inputs.add(arg);
                }
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no INPUT: name WARC or WACZ files, directories or globs");
        }
        return new Arguments(output, bundles, List.copyOf(inputs));
    }
}
