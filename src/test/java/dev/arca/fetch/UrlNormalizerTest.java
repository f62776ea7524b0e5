package dev.arca.fetch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP://WWW.Example.COM:80/a?b=1#top|http://www.example.com/a?b=1",
            "https://example.com:443|https://example.com/",
            "https://example.com:8443/x|https://example.com:8443/x",
            "https://example.com/x?utm_source=rss&id=7&utm_medium=email&fbclid=abc|https://example.com/x?id=7",
            "https://example.com/x?z=1&gclid=1&a=2&mc_cid=3&mc_eid=4|https://example.com/x?z=1&a=2",
            "https://example.com/x?UTM_Campaign=q|https://example.com/x",
            "http://bücher.example/|http://xn--bcher-kva.example/"})
    void normalisesForDeduplication(String input, String expected) throws Exception {
        assertThat(UrlNormalizer.normalize(input)).isEqualTo(expected);
    }
}
