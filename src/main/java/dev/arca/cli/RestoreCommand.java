package dev.arca.cli;

import dev.arca.bundle.BundleException;
import dev.arca.bundle.BundleReader;
import dev.arca.bundle.BundleVerifier;
import dev.arca.extract.Article;
import dev.arca.extract.ControlCharacters;
import dev.arca.store.StoreEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code arca restore}: get a capture back out of its bundle, in one form or all of them. */
@Command(name = "restore",
        description = {"Write a capture back out: the page as served (original), a standalone readable page (html), "
                + "markdown, text, the article as JSON, or the WARC.",
                "Never overwrites a file without --force, and never writes outside the chosen directory.",
                "The bundle is verified first (see arca verify); nothing is restored from a damaged one."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The capture was restored.",
                "1:No capture has that ID, the bundle is damaged, or a file already exists.",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca restore 1ngm35gdgzb --as original > page.html",
                "  arca restore 1ngm35gdgzb --as markdown -o story.md",
                "  arca restore 1ngm35gdgzb -o restored/"},
        mixinStandardHelpOptions = true)
final class RestoreCommand implements Callable<Integer> {

    /** The forms a capture can be restored as. */
    enum Form { original, html, markdown, text, json, warc }

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The capture's ID, or a unique prefix of it.")
    String id;

    @Option(names = "--as", paramLabel = "FORM",
            description = "original, html, markdown, text, json or warc. Without it, every form is written into -o DIR.")
    Form form;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "With --as, the file to write (default: stdout); without --as, the directory to write <ID>/ into.")
    Path output;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (form == null && output == null) {
            throw Usage.error(spec, "give --as FORM to print one form, or -o DIR to write every form");
        }
        StoreEntry entry = arca.store().find(id);
        try (BundleReader reader = BundleReader.open(entry.bundle())) {
            verify(reader);
            if (form == null) {
                restoreAll(reader, entry);
            } else if (output == null) {
                write(reader, form, arca.console().out());
                arca.console().out().flush();
            } else {
                writeFile(reader, form, output);
            }
        }
        return ExitCodes.OK;
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

    private void restoreAll(BundleReader reader, StoreEntry entry) throws IOException {
        Path base = output.toAbsolutePath().normalize();
        Path dir = base.resolve(entry.id()).normalize();
        if (!dir.startsWith(base) || dir.equals(base)) {
            throw new IOException("refusing to write outside " + base);
        }
        Article article = reader.article();
        Map<Path, Form> files = new LinkedHashMap<>();
        files.put(dir.resolve("original." + originalExtension(article.mediaType())), Form.original);
        files.put(dir.resolve("article.html"), Form.html);
        files.put(dir.resolve("article.md"), Form.markdown);
        files.put(dir.resolve("article.txt"), Form.text);
        files.put(dir.resolve("article.json"), Form.json);
        files.put(dir.resolve(entry.id() + ".warc.gz"), Form.warc);
        if (!force) {
            for (Path file : files.keySet()) {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file + " already exists (use --force to overwrite)");
                }
            }
        }
        Files.createDirectories(dir);
        for (Map.Entry<Path, Form> file : files.entrySet()) {
            writeFile(reader, file.getValue(), file.getKey());
        }
        arca.console().out().println(dir);
    }

    /** Writes to a temporary sibling and renames, so a failure never leaves a half-written file. */
    private void writeFile(BundleReader reader, Form what, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target) && !force) {
            throw new FileAlreadyExistsException(target + " already exists (use --force to overwrite)");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a directory");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(reader, what, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void write(BundleReader reader, Form what, OutputStream out) throws IOException {
        switch (what) {
            case original -> reader.copyOriginal(out);
            case warc -> reader.copyWarc(out);
            case markdown -> {
                Optional<String> stored = reader.markdown();
                // a bundle stored before the extractor removed control characters may hold some
                String md = stored.isPresent() ? ControlCharacters.text(stored.get()) : ArticleFormat.markdown.render(reader.article());
                out.write(md.getBytes(StandardCharsets.UTF_8));
            }
            case html -> out.write(ArticleFormat.html.render(reader.article()).getBytes(StandardCharsets.UTF_8));
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
