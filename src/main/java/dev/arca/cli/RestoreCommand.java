package dev.arca.cli;

import dev.arca.bundle.BundleException;
import dev.arca.bundle.BundleReader;
import dev.arca.bundle.BundleResources;
import dev.arca.bundle.CaptureInfo;
import dev.arca.bundle.BundleVerifier;
import dev.arca.bundle.CaptureWarning;
import dev.arca.extract.ControlCharacters;
import dev.arca.render.ArticleFolder;
import dev.arca.render.CapturedResource;
import dev.arca.render.CapturedResources;
import dev.arca.render.EpubRenderer;
import dev.arca.render.HtmlPageRenderer;
import dev.arca.render.SelfContainedPage;
import dev.arca.store.StoreEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code arca restore}: get a capture back out of its bundle, in one form or all of them. */
@Command(name = "restore",
        description = {"Write a capture back out: the page as served (original), the article as a standalone readable page "
                + "(html, its captured images embedded), the page as one self-contained file (page, its captured "
                + "stylesheets, fonts and images inlined, scripts removed), a folder for reading and note-taking (folder: "
                + "index.html, article.md, article.json and images/), an EPUB 3 book (epub), markdown, text, the article "
                + "as JSON, or the WARC.",
                "The html, page, folder and epub forms are built from the bundle alone and load nothing from the network: "
                        + "an image that was not captured shows its alt text. Markdown links images by their original URLs, "
                        + "but in a folder, where it links the files in images/.",
                "-o PATH says where: a PATH that ends in / or is an existing directory is a directory, and the files "
                        + "go into PATH/<ID>/ (original.<ext>, article.html, article.md, article.txt, article.json, "
                        + "<ID>.warc.gz); any other PATH is the file to write; - is stdout. Without -o, --as prints to stdout.",
                "Files are written whole or not at all (under a temporary name, then renamed), with the permissions "
                        + "the umask gives. An existing file is never overwritten without --force. Below the -o "
                        + "directory no symbolic link is followed: a link where arca would write a file or the <ID> "
                        + "directory is refused, and so is a -o PATH that is a link, unless it ends in / "
                        + "(then it names the directory the link points to).",
                "The bundle is verified first (see arca verify); nothing is restored from a damaged one.",
                "A capture whose Markdown failed when it was archived has no markdown form: --as markdown says so, "
                        + "and without --as every other form is written."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The capture was restored.",
                "1:No capture has that ID, the bundle is damaged, a file already exists, a symbolic link is in the way, "
                        + "a file could not be written, or the capture has no Markdown.",
                "2:Usage error, such as every form (no --as) to a file or to stdout."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca restore 1ngm35gdgzb --as original > page.html",
                "  arca restore 1ngm35gdgzb --as markdown -o story.md",
                "  arca restore 1ngm35gdgzb --as page -o story.html",
                "  arca restore 1ngm35gdgzb --as folder -o notes/story",
                "  arca restore 1ngm35gdgzb --as epub -o story.epub",
                "  arca restore 1ngm35gdgzb -o restored/"},
        mixinStandardHelpOptions = true)
final class RestoreCommand implements Callable<Integer> {

    /** The forms a capture can be restored as. */
    enum Form { original, html, page, folder, epub, markdown, text, json, warc }

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The capture's ID, a unique prefix of it, or the path of a .wacz file.")
    String id;

    @Option(names = "--as", paramLabel = "FORM",
            description = "original, html, page, folder, epub, markdown, text, json or warc. Without it, every form but page, "
                    + "folder and epub is written into the -o directory.")
    Form form;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Where to write: a directory (PATH ends in / or is one), a file, or - for stdout (the default with --as).")
    Path output;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    /** Where the -o rules say to write. */
    private enum Target { STDOUT, FILE, DIRECTORY }

    @Override
    public Integer call() throws IOException {
        Target target = target();
        StoreEntry entry = arca.bundle(id);
        try (BundleReader reader = BundleReader.open(entry.bundle())) {
            verify(reader);
            if (form == Form.folder) {
                return restoreFolder(reader, entry, target);
            }
            switch (target) {
                case STDOUT -> write(reader, form, arca.console().out());
                case FILE -> {
                    Path file = output.toAbsolutePath();
                    try (TargetDirectory dir = TargetDirectory.open(file.getParent())) {
                        dir.write(file.getFileName().toString(), force, out -> write(reader, form, out));
                    }
                }
                case DIRECTORY -> {
                    return restoreInto(reader, entry);
                }
            }
        }
        return ExitCodes.OK;
    }

    /**
     * Writes the article folder: into {@code <output>/<ID>/} when -o names a directory (it ends in / or
     * is one), else at the -o path itself; prints where.
     */
    private int restoreFolder(BundleReader reader, StoreEntry entry, Target target) throws IOException {
        if (target == Target.STDOUT) {
            throw Usage.error(spec, "--as folder writes a directory: give -o DIR");
        }
        boolean into = target == Target.DIRECTORY;
        Path base = into ? output : output.toAbsolutePath().getParent();
        String name = into ? entry.id() : output.getFileName().toString();
        List<ArticleFolder.Entry> files = ArticleFolder.of(reader.article(), resources(reader),
                ArticleFormat.json.render(reader.article()));
        try (TargetDirectory parent = TargetDirectory.open(base); TargetDirectory dir = parent.subdirectory(name)) {
            for (ArticleFolder.Entry file : files) {
                try (TargetDirectory in = file.name().contains("/") ? dir.subdirectory(folderOf(file)) : null) {
                    (in == null ? dir : in).checkWritable(fileNameOf(file), force);
                }
            }
            for (ArticleFolder.Entry file : files) {
                try (TargetDirectory in = file.name().contains("/") ? dir.subdirectory(folderOf(file)) : null) {
                    (in == null ? dir : in).write(fileNameOf(file), force, out -> out.write(file.content()));
                }
            }
            arca.console().out().println(Columns.clean(dir.path().toString()));
        }
        return ExitCodes.OK;
    }

    /** {@code images} of {@code images/<hex>.png}: the folder's names have at most one directory. */
    private static String folderOf(ArticleFolder.Entry file) {
        return file.name().substring(0, file.name().indexOf('/'));
    }

    private static String fileNameOf(ArticleFolder.Entry file) {
        return file.name().substring(file.name().indexOf('/') + 1);
    }

    /** What the bundle holds of the page's resources, as the renderers look them up. */
    private static CapturedResources resources(BundleReader reader) throws IOException {
        BundleResources bundle = BundleResources.of(reader);
        return url -> {
            try {
                return bundle.find(url).map(r -> new CapturedResource(r.bytes(), r.contentType()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * The -o rules: "-" is stdout; a path that ends in "/" or is a directory is a directory; any
     * other is a file. Every form needs a directory. A link is refused unless "/" says it names a directory.
     */
    private Target target() throws IOException {
        if (output == null || given().equals("-")) {
            if (form == null) {
                throw Usage.error(spec, output == null ? "give --as FORM to print one form, or -o DIR/ to write every form"
                        : "-o - prints one form: give --as FORM");
            }
            return Target.STDOUT;
        }
        boolean slash = given().endsWith("/");
        if (!slash && Files.isSymbolicLink(output)) {
            throw new IOException("refusing to write " + output.toAbsolutePath() + ": it is a symbolic link (write "
                    + given() + "/ to write into the directory it points to)");
        }
        if (slash || Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            return Target.DIRECTORY;
        }
        if (form == null) {
            throw Usage.error(spec, "-o " + given() + " is a file, and every form needs a directory: write "
                    + given() + "/ (or create it first), or choose one form with --as");
        }
        return Target.FILE;
    }

    /** The -o value as typed: a Path has lost its trailing "/". */
    private String given() {
        List<String> typed = spec.findOption("--output").originalStringValues();
        return typed.isEmpty() ? output.toString() : typed.get(typed.size() - 1);
    }

    /** Restores nothing from a damaged bundle: what it would write could not be trusted. */
    private static void verify(BundleReader reader) throws IOException {
        try {
            BundleVerifier.check(reader);
        } catch (BundleException e) {
            throw new BundleException(reader.path(), e.reason(), "damaged bundle, nothing restored: " + e.problem()
                    + " (see 'arca verify')", e);
        }
    }

    /**
     * Writes the form asked for, or every form, into {@code <output>/<ID>/} and prints what it wrote;
     * a capture without Markdown gets every other form, and status 1.
     */
    private int restoreInto(BundleReader reader, StoreEntry entry) throws IOException {
        Map<String, Form> files = new LinkedHashMap<>();
        files.put("original." + originalExtension(reader.article().mediaType()), Form.original);
        files.put("article.html", Form.html);
        files.put("article.md", Form.markdown);
        files.put("article.txt", Form.text);
        files.put("article.json", Form.json);
        files.put(entry.id() + ".warc.gz", Form.warc);
        files.values().removeIf(f -> form != null && f != form);
        Optional<String> noMarkdown = form == null && reader.markdown().isEmpty() ? markdownFailure(reader) : Optional.empty();
        if (noMarkdown.isPresent()) {
            files.values().remove(Form.markdown);
        }
        try (TargetDirectory base = TargetDirectory.open(output); TargetDirectory dir = base.subdirectory(entry.id())) {
            for (String name : files.keySet()) {
                dir.checkWritable(name, force);
            }
            Path written = dir.path();
            for (Map.Entry<String, Form> file : files.entrySet()) {
                written = dir.write(file.getKey(), force, out -> write(reader, file.getValue(), out));
            }
            arca.console().out().println(Columns.clean((form == null ? dir.path() : written).toString()));
        }
        if (noMarkdown.isPresent()) {
            arca.error(noMarkdown.get() + "; wrote the other forms");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /**
     * Why a capture without a Markdown record has no Markdown, when rendering it failed at fetch
     * time; empty for bundles that simply predate the record, whose Markdown is rendered now.
     */
    private static Optional<String> markdownFailure(BundleReader reader) throws IOException {
        return reader.warnings().stream().filter(w -> w.step().equals(CaptureWarning.MARKDOWN)).findFirst()
                .map(w -> "this capture has no Markdown: rendering it failed when it was archived (" + w.line()
                        + "); the original, html, text, json and warc forms are there");
    }

    private static void write(BundleReader reader, Form what, OutputStream out) throws IOException {
        switch (what) {
            case original -> reader.copyOriginal(out);
            case warc -> reader.copyWarc(out);
            case markdown -> {
                Optional<String> stored = reader.markdown();
                if (stored.isEmpty()) {
                    Optional<String> failure = markdownFailure(reader);
                    if (failure.isPresent()) {
                        throw new IOException(failure.get());
                    }
                }
                // a bundle stored before the extractor removed control characters may hold some
                String md = stored.isPresent() ? ControlCharacters.text(stored.get()) : ArticleFormat.markdown.render(reader.article());
                out.write(md.getBytes(StandardCharsets.UTF_8));
            }
            case html -> out.write(new HtmlPageRenderer().render(reader.article(), resources(reader)).getBytes(StandardCharsets.UTF_8));
            case page -> {
                CaptureInfo info = reader.info();
                BundleResources.Resource original = BundleResources.of(reader).find(info.url()).orElseThrow(() ->
                        new BundleException(reader.path(), BundleException.Reason.MISSING, "no page record for " + info.url()));
                out.write(SelfContainedPage.render(original.bytes(), original.contentType(), info.url(), resources(reader))
                        .getBytes(StandardCharsets.UTF_8));
            }
            case epub -> new EpubRenderer().write(reader.article(), resources(reader), Instant.parse(reader.info().captured()), out);
            case folder -> throw new IllegalStateException("a folder is written by restoreFolder");
            case text -> out.write(ArticleFormat.text.render(reader.article()).getBytes(StandardCharsets.UTF_8));
            case json -> out.write(ArticleFormat.json.render(reader.article()).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String originalExtension(String mediaType) {
        if (mediaType == null) {
            return "bin";
        }
        return switch (mediaType) {
            case "text/html" -> "html";
            case "application/xhtml+xml" -> "xhtml";
            case "application/pdf" -> "pdf";
            case "text/plain" -> "txt";
            case "application/json" -> "json";
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> "bin";
        };
    }
}
