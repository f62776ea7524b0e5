package dev.arca.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The Spark job: {@code spark-submit --class dev.arca.spark.ExtractArticles arca-spark.jar --output
 * OUT [--bundles DIR] INPUT...}. Lists the WARC and WACZ files of the inputs, gives each file a
 * task of its own ({@link PartitionArticles}), and writes the articles as Parquet to {@code OUT}
 * ({@link ArticleRows}), with {@code --bundles} an arca bundle per page into the store {@code DIR}.
 *
 * <p>What was skipped (a damaged record, an unreadable file, a failed extraction) costs only its
 * own rows: it is listed, one JSON object per line, in {@code OUT/_problems.jsonl} (Spark's
 * readers skip names that start with an underscore), counted on stderr, and makes the exit status
 * 1. A usage error is 2, as for arca.
 */
public final class ExtractArticles {

    /** Problems shown on stderr; the rest are in the problems file. */
    private static final int SHOWN = 20;
    static final String PROBLEMS = "_problems.jsonl";

    private ExtractArticles() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job on the active (or a new) Spark session; the exit status. */
    static int run(String... args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("arca: " + e.getMessage());
            System.err.println(Arguments.USAGE);
            return 2;
        }
        SparkSession spark = SparkSession.builder().appName("arca ExtractArticles").getOrCreate();
        try {
            return extract(spark, arguments);
        } catch (IOException e) {
            System.err.println("arca: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // a task failed more often than Spark retries it: not a damaged file (that costs its rows) but a broken job
            System.err.println("arca: the Spark job failed: " + e.getMessage());
            return 1;
        } finally {
            spark.stop();
        }
    }

    private static int extract(SparkSession spark, Arguments arguments) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path output = new Path(arguments.output());
        FileSystem outputFs = output.getFileSystem(hadoop);
        if (outputFs.exists(output)) {
            System.err.println("arca: " + output + " exists; name a new --output, the job does not overwrite");
            return 2;
        }
        List<String> files = ArchiveFiles.list(arguments.inputs(), hadoop);
        if (files.isEmpty()) {
            System.err.println("arca: no WARC, ARC or WACZ file in " + String.join(" ", arguments.inputs()));
            return 1;
        }
        // readers other than Spark's (pandas, DuckDB) take microseconds; INT96 is Spark's legacy default
        if (!spark.conf().contains("spark.sql.parquet.outputTimestampType")) {
            spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        }
        CollectionAccumulator<Problem> problems = spark.sparkContext().collectionAccumulator("arca problems");
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // one partition, and so one task, per file: a file is read from start to end by one reader
        JavaRDD<Row> rows = context.parallelize(files, files.size())
                .mapPartitions(new PartitionArticles(hadoop, arguments.bundles(), software(), problems));
        spark.createDataFrame(rows, ArticleRows.SCHEMA).write().parquet(arguments.output());
        long articles = spark.read().parquet(arguments.output()).count();
        // a task that was retried told its problems twice
        TreeSet<Problem> found = new TreeSet<>(Comparator.comparing(Problem::file)
                .thenComparing(p -> p.member() == null ? "" : p.member()).thenComparingLong(Problem::offset)
                .thenComparing(Problem::reason));
        found.addAll(problems.value());
        writeProblems(outputFs, new Path(output, PROBLEMS), found);
        System.err.println("arca: " + articles + " articles from " + files.size() + (files.size() == 1 ? " file" : " files")
                + " into " + output + (found.isEmpty() ? "" : "; " + found.size() + (found.size() == 1 ? " problem" : " problems")
                + " listed in " + new Path(output, PROBLEMS)));
        found.stream().limit(SHOWN).forEach(p -> System.err.println("arca: " + p.line()));
        if (found.size() > SHOWN) {
            System.err.println("arca: and " + (found.size() - SHOWN) + " more");
        }
        return found.isEmpty() ? 0 : 1;
    }

    private static void writeProblems(FileSystem fs, Path file, Iterable<Problem> problems) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (FSDataOutputStream out = fs.create(file, false)) {
            for (Problem problem : problems) {
                out.write(json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
    }

    /** "arca 0.1.0", as recorded in bundles: the version is the jar's manifest's. */
    private static String software() {
        String version = ExtractArticles.class.getPackage().getImplementationVersion();
        return "arca " + (version == null ? "dev" : version);
    }
}
