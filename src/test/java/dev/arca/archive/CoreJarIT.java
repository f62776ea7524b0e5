package dev.arca.archive;

import dev.arca.testing.Jar;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library core, {@code target/arca-core.jar}, is all another JVM program needs: the README's
 * "Use arca as a library" example, taken from the README itself so that it cannot drift, compiles
 * and runs against that jar alone, fetching a loopback page into a store; and the jar holds no
 * class of the command line's dependencies.
 */
class CoreJarIT {

    private static final Path CORE = Path.of("target", "arca-core.jar").toAbsolutePath();

    @TempDir
    Path dir;

    /** The first {@code java} block after the "Use arca as a library" heading. */
    private static String readmeExample() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int heading = lines.indexOf("## Use arca as a library");
        assertThat(heading).as("the README's library section").isNotNegative();
        int start = heading;
        while (!lines.get(start).equals("```java")) {
            start++;
        }
        List<String> code = new ArrayList<>();
        for (int i = start + 1; !lines.get(i).equals("```"); i++) {
            code.add(lines.get(i));
        }
        return String.join("\n", code) + "\n";
    }

    @Test
    void theReadmeExampleArchivesAPageWithTheCoreJarAlone() throws Exception {
        Path src = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("Archive.java"), readmeExample());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = javac.run(null, errors, errors, "-cp", CORE.toString(), "-d", classes.toString(), src.toString());
        assertThat(compiled).as(errors.toString()).isZero();

        try (LoopbackServer server = new LoopbackServer()) {
            server.html("/story", "<html><head><title>Harbour bridge reopens</title></head><body><article><h1>Harbour bridge reopens</h1>"
                    + "<p>The harbour bridge reopened to traffic on Thursday after a repair programme replaced every steel cable.</p>"
                    + "<p>Crowds gathered on both banks as the first bus crossed.</p></article></body></html>");
            Path store = dir.resolve("store");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Jar.Run run = Jar.run(List.of(java, "-cp", CORE + ":" + classes, "Archive", server.url("/story"), store.toString()), dir);

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("\tHarbour bridge reopens\t[]");
            Path bundle = Path.of(run.out().split("\t")[0]);
            assertThat(bundle).exists().startsWith(store);
            assertThat(store.resolve("index.sqlite")).as("no index without the index package").doesNotExist();
        }
    }

    @Test
    void theCoreJarHoldsNoClassOfTheCommandLinesDependencies() throws Exception {
        try (ZipFile jar = new ZipFile(CORE.toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("dev/arca/archive/Archiver.class", "dev/arca/fetch/Fetcher.class", "org/jsoup/Jsoup.class");
            assertThat(names).noneMatch(n -> n.startsWith("picocli/") || n.startsWith("org/sqlite/") || n.startsWith("org/jline/")
                    || n.startsWith("me/tongfei/") || n.startsWith("dev/arca/cli/") || n.startsWith("dev/arca/index/"));
        }
    }
}
