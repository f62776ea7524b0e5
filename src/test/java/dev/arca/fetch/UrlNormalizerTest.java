package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class UrlNormalizerTest {

    @Test
    void lowercasesSchemeAndHostButNotPath() throws Exception {
        assertThat(UrlNormalizer.normalize("HTTPS://News.Example.COM/Story/One")).isEqualTo("https://news.example.com/Story/One");
    }

    @Test
    void convertsIdnHostToPunycode() throws Exception {
        assertThat(UrlNormalizer.normalize("http://Bücher.example/régions")).isEqualTo("http://xn--bcher-kva.example/r%C3%A9gions");
    }

    @Test
    void convertsIdnHostOfAParsedUri() throws Exception {
        assertThat(UrlNormalizer.normalize(new URI("http://bücher.example/a")))
                .isEqualTo(URI.create("http://xn--bcher-kva.example/a"));
    }

    @Test
    void dropsDefaultPortsKeepsOthers() throws Exception {
        assertThat(UrlNormalizer.normalize("http://example.com:80/a")).isEqualTo("http://example.com/a");
        assertThat(UrlNormalizer.normalize("https://example.com:443/a")).isEqualTo("https://example.com/a");
        assertThat(UrlNormalizer.normalize("https://example.com:80/a")).isEqualTo("https://example.com:80/a");
        assertThat(UrlNormalizer.normalize("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
    }

    @Test
    void dropsFragment() throws Exception {
        assertThat(UrlNormalizer.normalize("https://example.com/a?b=1#comments")).isEqualTo("https://example.com/a?b=1");
    }

    @Test
    void removesTrackingParametersKeepsOthersInOrder() throws Exception {
        assertThat(UrlNormalizer.normalize(
                "https://example.com/a?z=1&utm_source=feed&UTM_Medium=rss&fbclid=x&b=2&gclid=y&mc_cid=1&mc_eid=2&a=3"))
                .isEqualTo("https://example.com/a?z=1&b=2&a=3");
    }

    @Test
    void dropsQueryLeftEmptyAndAddsRootPath() throws Exception {
        assertThat(UrlNormalizer.normalize("https://example.com?utm_campaign=x")).isEqualTo("https://example.com/");
    }

    @Test
    void keepsParametersThatOnlyLookLikeTracking() throws Exception {
        assertThat(UrlNormalizer.normalize("https://example.com/?utm=1&xfbclid=2&page=3"))
                .isEqualTo("https://example.com/?utm=1&xfbclid=2&page=3");
    }

    @Test
    void sameNormalFormForVariantsOfOnePage() throws Exception {
        String a = UrlNormalizer.normalize("HTTP://Example.com:80/story?id=7&utm_source=twitter#top");
        String b = UrlNormalizer.normalize("http://example.com/story?fbclid=abc&id=7");
        assertThat(a).isEqualTo(b).isEqualTo("http://example.com/story?id=7");
    }
}
