package dev.arca.fetch;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text a person types or a page links to, the URL parser either refuses it as a bad URL
 * or returns an absolute http(s) URL that parses back to itself, and normalising that URL is
 * stable. Inputs are UTF-8 text, so the seeds under {@code WebUrlFuzzTestInputs} are plain URLs.
 * Run longer with {@code JAZZER_FUZZ=1 mvn test -Dtest=WebUrlFuzzTest}.
 */
class WebUrlFuzzTest {

    private static final URI BASE = URI.create("http://example.com/a/b?q=1");

    @FuzzTest(maxDuration = "5m")
    void parsesOrRefusesAnyText(byte[] bytes) throws FetchException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        URI url;
        try {
            url = WebUrl.parse(text);
        } catch (FetchException e) {
            assertThat(e.reason()).isEqualTo(FetchException.Reason.BAD_URL);
            return;
        }
        checkWebUrl(url);
    }

    @FuzzTest(maxDuration = "5m")
    void resolvesOrRefusesAnyReference(byte[] bytes) throws FetchException {
        String reference = new String(bytes, StandardCharsets.UTF_8);
        URI url;
        try {
            url = WebUrl.resolve(BASE, reference);
        } catch (FetchException e) {
            assertThat(e.reason()).isEqualTo(FetchException.Reason.BAD_URL);
            return;
        }
        checkWebUrl(url);
    }

    private static void checkWebUrl(URI url) throws FetchException {
        assertThat(url.getScheme()).isIn("http", "https");
        assertThat(url.getHost()).isNotEmpty();
        assertThat(url.getRawFragment()).isNull();
        assertThat(url.getRawUserInfo()).isNull();
        assertThat(WebUrl.parse(url.toString())).isEqualTo(url);
        URI normal = UrlNormalizer.normalize(url);
        assertThat(UrlNormalizer.normalize(normal)).isEqualTo(normal);
        assertThat(WebUrl.parse(normal.toString())).isEqualTo(normal);
    }
}
