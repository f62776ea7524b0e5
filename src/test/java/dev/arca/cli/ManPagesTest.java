package dev.arca.cli;

import dev.arca.testing.Programs;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed man pages match the commands: each {@code man/*.1} is what picocli-codegen and
 * Asciidoctor make of the current picocli model. Regenerate with
 * {@code mvn -B -Pman process-test-classes}.
 */
class ManPagesTest {

    private static final Path MAN = Path.of("man");
    private static Asciidoctor asciidoctor;

    @BeforeAll
    static void startAsciidoctor() {
        asciidoctor = Asciidoctor.Factory.create();
    }

    @AfterAll
    static void stopAsciidoctor() {
        asciidoctor.close();
    }

    @Test
    void committedManPagesMatchTheCommands() throws IOException {
        Map<String, String> sources = ManPages.sources();
        for (Map.Entry<String, String> page : sources.entrySet()) {
            Path committed = MAN.resolve(page.getKey() + ".1");
            assertThat(committed).as("missing %s: run mvn -B -Pman process-test-classes", committed).exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as("%s is out of date: run mvn -B -Pman process-test-classes", committed)
                    .isEqualTo(toRoff(page.getValue()));
        }
        try (Stream<Path> files = Files.list(MAN)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".1")).collect(Collectors.toSet()))
                    .as("man/ holds pages for commands that no longer exist")
                    .isEqualTo(sources.keySet().stream().map(n -> n + ".1").collect(Collectors.toSet()));
        }
    }

    @Test
    void everyPageHasTheSectionsReadersLookFor() {
        for (Map.Entry<String, String> page : ManPages.sources().entrySet()) {
            assertThat(page.getValue()).as(page.getKey())
                    .contains("== Synopsis", "== Description", "== Options", "== Exit status", "== Examples",
                            "== Environment", "*ARCA_STORE*", "== Files", "== See also");
        }
    }

    @Test
    void everyPageRendersWithoutGroffWarnings() throws Exception {
        assumeTrue(Programs.find("groff").isPresent(), "groff is not installed");
        try (Stream<Path> files = Files.list(MAN)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".1")).sorted().toList()) {
                Process groff = new ProcessBuilder("groff", "-ww", "-man", "-Tutf8", page.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                String warnings = new String(groff.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(groff.waitFor()).as(page + ": " + warnings).isZero();
                assertThat(warnings).as(page.toString()).isEmpty();
            }
        }
    }

    /** The same conversion the Asciidoctor Maven plugin does in the "man" profile. */
    private static String toRoff(String adoc) throws IOException {
        Attributes attributes = Attributes.builder()
                .attribute("revdate", releaseDate())
                .attribute("reproducible", "true")
                .build();
        Options options = Options.builder().backend("manpage").standalone(true).safe(SafeMode.UNSAFE)
                .attributes(attributes).build();
        return asciidoctor.convert(adoc, options);
    }

    private static String releaseDate() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ManPagesTest.class.getResourceAsStream("/dev/arca/cli/version.properties")) {
            p.load(in);
        }
        return p.getProperty("date");
    }
}
