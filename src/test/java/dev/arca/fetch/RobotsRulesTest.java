package dev.arca.fetch;

import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RobotsRulesTest {

    private final LoopbackServer server = new LoopbackServer();
    private final RobotsRules robots = new RobotsRules(new Fetcher(FetchOptions.defaults("arca/1.0 (+https://x)")),
            "arca/1.0 (+https://x)");

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void obeysTheGroupForArca() throws Exception {
        server.page("/robots.txt", 200, ("User-agent: *\nDisallow: /\n\nUser-agent: arca\nDisallow: /private/\n")
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
        URI open = URI.create(server.url("/news/1"));
        URI closed = URI.create(server.url("/private/2"));

        assertThat(robots.decide(open)).isEmpty();
        robots.load(open);

        assertThat(robots.decide(open).orElseThrow().allowed()).isTrue();
        RobotsDecision blocked = robots.decide(closed).orElseThrow();
        assertThat(blocked.allowed()).isFalse();
        assertThat(blocked.robotsUrl()).isEqualTo(server.url("/robots.txt"));
        assertThat(blocked.basis()).isEqualTo("HTTP 200");
        assertThatThrownBy(blocked::requireAllowed).isInstanceOf(FetchException.class)
                .hasMessage("blocked by " + server.url("/robots.txt"))
                .extracting(e -> ((FetchException) e).reason(), e -> ((FetchException) e).setting().orElseThrow())
                .containsExactly(FetchException.Reason.BLOCKED, FetchException.Setting.ROBOTS);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void missingRobotsTxtAllowsEverything() throws Exception {
        URI url = URI.create(server.url("/any"));
        robots.load(url);
        RobotsDecision decision = robots.decide(url).orElseThrow();
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.basis()).isEqualTo("HTTP 404: no rules");
    }

    @Test
    void serverErrorIsATransientFailure() {
        server.page("/robots.txt", 503, new byte[0]);
        URI url = URI.create(server.url("/any"));
        assertThatThrownBy(() -> robots.load(url)).isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(RetryPolicy.isTransient((FetchException) e)).isTrue());
        assertThat(robots.decide(url)).isEmpty();
    }

    @Test
    void productTokenComesFromTheUserAgent() {
        assertThat(RobotsRules.productToken("arca/0.1.0 (+https://github.com/arca-archiver/arca)")).isEqualTo("arca");
        assertThat(RobotsRules.productToken("MyBot/2")).isEqualTo("mybot");
        assertThat(RobotsRules.productToken("Mozilla/5.0 (X11)")).isEqualTo("mozilla");
    }
}
