package dev.arca.cli;

import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The completion scripts, loaded into real shells the way a user's rc file loads them. */
class CompletionIT {

    private static final Path LAUNCHER = Path.of("bin", "arca").toAbsolutePath();

    @TempDir
    Path dir;

    private String shell(String shell, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(shell, "-c", script).redirectErrorStream(false);
        pb.environment().put("ARCA_STORE", dir.resolve("store").toString());
        pb.environment().put("PATH", LAUNCHER.getParent() + ":" + System.getenv("PATH"));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return out;
    }

    private static String complete(String... words) {
        return "COMP_WORDS=(" + String.join(" ", words) + "); COMP_CWORD=" + (words.length - 1)
                + "; _complete_arca; printf '%s\\n' \"${COMPREPLY[@]}\"";
    }

    @Test
    void bashRegistersTheCompletionFunction() throws Exception {
        String out = shell("bash", "source <(arca completion bash); complete -p arca");

        assertThat(out.strip()).isEqualTo("complete -o default -F _complete_arca arca");
    }

    @Test
    void bashCompletesSubcommandsOptionsAndValues() throws Exception {
        String load = "source <(arca completion bash); ";

        assertThat(shell("bash", load + complete("arca", "fe")).lines()).containsExactly("fetch");
        assertThat(shell("bash", load + complete("arca", "imp")).lines()).containsExactly("import");
        assertThat(shell("bash", load + complete("arca", "re")).lines()).containsExactlyInAnyOrder("restore", "reindex");
        assertThat(shell("bash", load + complete("arca", "res")).lines()).containsExactly("restore");
        assertThat(shell("bash", load + complete("arca", "fetch", "--max-r")).lines())
                .containsExactlyInAnyOrder("--max-redirects", "--max-requests");
        assertThat(shell("bash", load + complete("arca", "fetch", "--max-site")).lines())
                .containsExactlyInAnyOrder("--max-sitemaps", "--max-sitemap-urls");
        assertThat(shell("bash", load + complete("arca", "restore", "--as", "ma")).lines()).containsExactly("markdown");
        assertThat(shell("bash", load + complete("arca", "restore", "--as", "e")).lines()).containsExactly("epub");
        assertThat(shell("bash", load + complete("arca", "fetch", "--requisites", "a")).lines())
                .containsExactlyInAnyOrder("all", "article");
        assertThat(shell("bash", load + complete("arca", "fetch", "--requisites-t")).lines())
                .containsExactlyInAnyOrder("--requisites-time", "--requisites-total");
    }

    @Test
    void bashCompletesIdsFromTheStore() throws Exception {
        String id;
        try (LoopbackServer server = new LoopbackServer()) {
            server.html("/story.html", Fixtures.text("story.html"));
            String fetched = shell("bash", "arca fetch " + server.url("/story.html"));
            id = fetched.split("\t")[0];
        }
        assertThat(id).matches("[0-9a-z]{11}");

        String out = shell("bash", "source <(arca completion bash); " + complete("arca", "show", id.substring(0, 3)));

        assertThat(out.lines()).containsExactly(id);
        for (String command : new String[]{"history", "diff", "sign"}) {
            String ids = shell("bash", "source <(arca completion bash); " + complete("arca", command, id.substring(0, 3)));
            assertThat(ids.lines()).as(command).containsExactly(id);
        }
    }

    @Test
    void fishCompletesSubcommandsWhenFishIsInstalled() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/fish")), "fish is not installed");

        String out = shell("fish", "arca completion fish | source; complete -C 'arca res'");

        assertThat(out).contains("restore");
    }
}
