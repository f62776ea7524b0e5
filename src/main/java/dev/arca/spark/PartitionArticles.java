package dev.arca.spark;

import dev.arca.archive.Archiver;
import dev.arca.bundle.CaptureWarning;
import dev.arca.bundle.WarcCaptures;
import dev.arca.extract.Article;
import dev.arca.extract.Extraction;
import dev.arca.extract.ExtractionFailure;
import dev.arca.extract.ExtractionResult;
import dev.arca.extract.Extractor;
import dev.arca.fetch.FetchOptions;
import dev.arca.store.Store;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.TaskCompletionListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One partition's work: its archive files (one, as the job partitions them), read page by page
 * through {@link WarcCaptures}, each page's article extracted by the partition's one
 * {@link Extractor} (and archived as a bundle when asked), as rows of {@link ArticleRows}.
 *
 * <p>The rows are made as Spark asks for them, so a task holds one page at a time. A file that
 * cannot be read, or whose record is damaged, ends there: its rows before the damage are kept, the
 * problem goes to the driver, and the task goes on with its next file.
 */
final class PartitionArticles implements FlatMapFunction<Iterator<String>, Row> {

    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> hadoop;
    private final String bundles;
    private final String software;
    private final CollectionAccumulator<Problem> problems;

    /**
     * @param hadoop   the driver's Hadoop configuration (file systems, credentials), as its entries
     * @param bundles  the store directory for bundles, or null for none
     * @param software the software named in each bundle
     * @param problems where the tasks tell the driver what they skipped
     */
    PartitionArticles(Configuration hadoop, String bundles, String software, CollectionAccumulator<Problem> problems) {
        this.hadoop = new HashMap<>();
        hadoop.forEach(e -> this.hadoop.put(e.getKey(), e.getValue()));
        this.bundles = bundles;
        this.software = software;
        this.problems = problems;
    }

    @Override
    public Iterator<Row> call(Iterator<String> files) {
        Configuration conf = new Configuration(false);
        hadoop.forEach(conf::set);
        Extractor extractor = Extractor.create();
        Archiver archiver = bundles == null ? null : new Archiver(extractor, new Store(Path.of(bundles)), software);
        Rows rows = new Rows(files, conf, extractor, archiver);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> rows.closeFile());
        }
        return rows;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The rows of a partition's files, one page ahead. */
    private final class Rows implements Iterator<Row> {

        private final Iterator<String> files;
        private final Configuration conf;
        private final Extractor extractor;
        private final Archiver archiver;
        private String file;
        private LocalArchive local;
        private WarcCaptures captures;
        private Row next;

        Rows(Iterator<String> files, Configuration conf, Extractor extractor, Archiver archiver) {
            this.files = files;
            this.conf = conf;
            this.extractor = extractor;
            this.archiver = archiver;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (captures == null) {
                    if (!files.hasNext()) {
                        return false;
                    }
                    openFile(files.next());
                    continue;
                }
                Optional<WarcCaptures.Found> found;
                try {
                    found = captures.next();
                } catch (IOException | RuntimeException e) {
                    problems.add(new Problem(file, null, -1, "cannot read the rest of the file: " + message(e)));
                    found = Optional.empty();
                }
                if (found.isEmpty()) {
                    closeFile();
                } else {
                    next = row(found.get());
                }
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = next;
            next = null;
            return row;
        }

        private void openFile(String name) {
            file = name;
            try {
                local = LocalArchive.open(name, conf);
                captures = WarcCaptures.open(local.path(), FetchOptions.DEFAULT_MAX_SIZE,
                        (path, member, offset, why) -> problems.add(new Problem(file, member, offset, why)));
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(name, null, -1, "cannot read: " + message(e)));
                closeFile();
            }
        }

        private Row row(WarcCaptures.Found found) {
            WarcCaptures.Provenance from = found.provenance();
            Article article = null;
            if (archiver != null) {
                try {
                    Archiver.Archived archived = archiver.archive(found.capture(), warcinfo(from), null);
                    article = archived.article();
                    for (CaptureWarning warning : archived.warnings()) {
                        problem(from, "bundle " + archived.entry().id() + ": " + warning.line());
                    }
                } catch (IOException e) {
                    problem(from, "no bundle: " + message(e));
                }
            }
            if (article == null) {
                article = extracted(found, from);
            }
            return ArticleRows.of(found, file, article);
        }

        private Article extracted(WarcCaptures.Found found, WarcCaptures.Provenance from) {
            ExtractionResult result = Archiver.extractionOf(found.capture(), extractor);
            if (result instanceof ExtractionFailure failure) {
                problem(from, "extraction failed: " + message(failure.cause()));
            } else if (result instanceof Extraction extraction) {
                extraction.warnings().forEach(warning -> problem(from, warning));
            }
            return result.article();
        }

        /** The source of a bundle's page, in its warcinfo record. */
        private Map<String, String> warcinfo(WarcCaptures.Provenance from) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("source-file", file);
            if (from.member() != null) {
                fields.put("source-member", from.member());
            }
            fields.put("source-offset", Long.toString(from.offset()));
            fields.put("source-record-id", from.recordId());
            return fields;
        }

        private void problem(WarcCaptures.Provenance from, String reason) {
            problems.add(new Problem(file, from.member(), from.offset(), reason));
        }

        void closeFile() {
            try {
                if (captures != null) {
                    captures.close();
                }
                if (local != null) {
                    local.close();
                }
            } catch (IOException e) {
                problems.add(new Problem(file, null, -1, "cannot close: " + message(e)));
            } finally {
                captures = null;
                local = null;
            }
        }
    }
}
