package dev.arca.bundle;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.arca.extract.Article;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a bundle written by {@link BundleWriter}: the Article without touching the WARC (cheap
 * enough to list thousands), and on demand the WARC, its records and the page as served.
 *
 * <p>Reads with the JDK's ZIP support, which opens a bundle in well under half the time Commons
 * Compress takes: that is most of what reading a bundle into the index costs.
 */
public final class BundleReader implements Closeable {

    private final Path path;
    private final ZipFile zip;

    private BundleReader(Path path, ZipFile zip) {
        this.path = path;
        this.zip = zip;
    }

    /** Opens the bundle at {@code path}; fails with a {@link BundleException} if it is not a ZIP. */
    public static BundleReader open(Path path) throws IOException {
        try {
            return new BundleReader(path, new ZipFile(path.toFile()));
        } catch (java.nio.file.NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(path + ": not a readable bundle (" + e.getMessage() + ")", e);
        }
    }

    public Path path() {
        return path;
    }

    /** The Article from {@code article/article.json}. */
    public Article article() throws IOException {
        return readJson(BundleWriter.ARTICLE_PATH, BundleJson.MAPPER.readerFor(Article.class));
    }

    /** The Article with an empty {@code html}: cheaper to read, for listings and the index. */
    public Article articleWithoutHtml() throws IOException {
        return readJson(BundleWriter.ARTICLE_PATH, BundleJson.ARTICLE_WITHOUT_HTML);
    }

    /** The capture facts from {@code article/capture.json}. */
    public CaptureInfo info() throws IOException {
        return readJson(BundleWriter.CAPTURE_PATH, BundleJson.MAPPER.readerFor(CaptureInfo.class));
    }

    private <T> T readJson(String name, ObjectReader reader) throws IOException {
        try (InputStream in = member(name)) {
            return reader.readValue(in);
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(path + ": unreadable " + name + " (" + e.getMessage() + ")", e);
        }
    }

    /** Copies the WARC file, byte for byte, to {@code out}. */
    public void copyWarc(OutputStream out) throws IOException {
        try (InputStream in = member(BundleWriter.WARC_PATH)) {
            in.transferTo(out);
        }
    }

    /** Every record of the WARC, in file order. */
    public List<RecordSummary> records() throws IOException {
        List<RecordSummary> out = new ArrayList<>();
        try (InputStream in = member(BundleWriter.WARC_PATH); WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                String target = record instanceof WarcTargetRecord t ? t.target() : null;
                int status = record instanceof WarcResponse r ? r.http().status() : 0;
                out.add(new RecordSummary(record.type(), target, record.date(),
                        record.contentType().toString(), record.body().size(), status));
            }
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException(path + ": damaged WARC (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /**
     * Writes the page as the server sent it, decoded from any Content-Encoding: the body of the
     * final (non-redirect) response, or of the page resource for a capture of a local file.
     */
    public void copyOriginal(OutputStream out) throws IOException {
        try (InputStream in = member(BundleWriter.WARC_PATH); WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response && response.http().status() / 100 != 3) {
                    response.http().bodyDecoded().stream().transferTo(out);
                    return;
                }
                if (record instanceof WarcResource && !isMarkdown(record)) {
                    record.body().stream().transferTo(out);
                    return;
                }
            }
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException(path + ": damaged WARC (" + e.getMessage() + ")", e);
        }
        throw new BundleException(path + ": no page record in the WARC");
    }

    private static boolean isMarkdown(WarcRecord record) {
        return record instanceof WarcTargetRecord t && t.target().startsWith(CaptureWarc.MARKDOWN_URI_PREFIX);
    }

    /** The stored Markdown resource, if the bundle has one. */
    public Optional<String> markdown() throws IOException {
        try (InputStream in = member(BundleWriter.WARC_PATH); WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResource && isMarkdown(record)) {
                    return Optional.of(new String(record.body().stream().readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }
    }

    private InputStream member(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BundleException(path + ": missing " + name);
        }
        return zip.getInputStream(entry);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
