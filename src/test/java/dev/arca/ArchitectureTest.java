package dev.arca;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package graph of README "Architecture", enforced on the sources: every reference from one
 * arca package to another (an import, or a qualified name in code) must be an allowed edge.
 *
 * <ul>
 *   <li>{@code store} and {@code extract} use nothing of arca;</li>
 *   <li>{@code fetch} uses {@code extract} (a feed page is HTML, parsed as the extractor does);</li>
 *   <li>{@code render} uses {@code extract}, and {@code fetch}'s reading of what a browser loads
 *       (srcset choice, lazy-loading attributes, stylesheet references), so that a restore inlines
 *       exactly what was fetched; {@code bundle} uses {@code fetch} and {@code extract} (the values it
 *       stores);</li>
 *   <li>{@code diff} uses {@code extract} (it compares articles) and {@code render}'s escaping and page policy;</li>
 *   <li>{@code browser} uses {@code fetch}: it captures pages as fetch's values;</li>
 *   <li>{@code index} uses {@code store}, {@code bundle} and {@code extract}: it is derived from the bundles;</li>
 *   <li>{@code archive} uses every stage, and is the only package besides {@code cli} that may;</li>
 *   <li>{@code cli} uses {@code archive}, {@code index}, {@code store} and the stages whose values it
 *       prints or reads back (bundles for show, verify and restore; articles; fetch options);</li>
 *   <li>{@code spark}, the Spark job, uses {@code archive} (its Archiver), {@code extract}, {@code bundle}
 *       (its WARC reader) and {@code store}, and the setting {@code fetch} defines for them;</li>
 *   <li>nothing uses {@code cli} or {@code spark}, and only {@code cli} and {@code spark} use {@code archive};
 *       only {@code cli} uses {@code index}.</li>
 * </ul>
 *
 * And no stage outside the two front ends, {@code cli} and {@code spark}, names a command-line flag in a
 * string: they report the setting, the front end adds the flag. {@code browser} is the exception that
 * proves it: its strings are Chromium's switches, not arca's flags.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("src", "main", "java", "dev", "arca");
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("store", Set.of()),
            Map.entry("extract", Set.of()),
            Map.entry("fetch", Set.of("extract")),
            Map.entry("render", Set.of("extract", "fetch")),
            Map.entry("bundle", Set.of("fetch", "extract")),
            Map.entry("index", Set.of("store", "bundle", "extract")),
            Map.entry("diff", Set.of("extract", "render")),
            Map.entry("browser", Set.of("fetch")),
            Map.entry("archive", Set.of("fetch", "browser", "extract", "render", "bundle", "store")),
            Map.entry("cli", Set.of("archive", "index", "store", "fetch", "browser", "extract", "render", "bundle", "diff")),
            Map.entry("spark", Set.of("archive", "extract", "bundle", "store", "fetch")));
    /** The packages that speak to users: they name their own command-line flags. */
    private static final Set<String> FRONT_ENDS = Set.of("cli", "spark");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.arca\\.([a-z]+)\\.");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FLAG = Pattern.compile("(^|[\\s(\"'])--[a-z][a-z-]+");

    private static List<Path> sources(String pkg) {
        try (Stream<Path> files = Files.walk(ROOT.resolve(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of code of a source file, without comments (Javadoc links name other packages freely). */
    private static List<String> code(Path file) {
        List<String> code = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String s = line.strip();
                if (!s.startsWith("*") && !s.startsWith("/*") && !s.startsWith("//")) {
                    int comment = s.indexOf("// ");
                    code.add(comment < 0 ? s : s.substring(0, comment));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return code;
    }

    @Test
    void everyPackageIsInTheGraph() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
        }
    }

    @Test
    void packagesUseOnlyTheirAllowedNeighbours() {
        Set<String> violations = new TreeSet<>();
        ALLOWED.forEach((pkg, allowed) -> {
            for (Path file : sources(pkg)) {
                for (String line : code(file)) {
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        String target = m.group(1);
                        if (!target.equals(pkg) && !allowed.contains(target)) {
                            violations.add(pkg + " -> " + target + " in " + ROOT.relativize(file) + ": " + line);
                        }
                    }
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void noStageOutsideCliNamesACommandLineFlag() {
        Set<String> violations = new TreeSet<>();
        for (String pkg : ALLOWED.keySet()) {
            if (FRONT_ENDS.contains(pkg) || pkg.equals("browser")) {
                continue;
            }
            for (Path file : sources(pkg)) {
                for (String line : code(file)) {
                    Matcher string = STRING.matcher(line);
                    while (string.find()) {
                        if (FLAG.matcher(string.group()).find() || string.group().contains("ARCA_STORE")) {
                            violations.add(ROOT.relativize(file) + ": " + string.group());
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void packageInfoSaysWhatEachPackageOwns() {
        for (String pkg : ALLOWED.keySet()) {
            assertThat(ROOT.resolve(pkg).resolve("package-info.java")).as(pkg).exists();
        }
    }
}
