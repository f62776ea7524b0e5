package dev.arca.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://example.com/a b|http://example.com/a%20b",
            "HTTPS://Example.COM/Path|https://example.com/Path",
            "http://bücher.example/straße?q=ä|http://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%A4",
            "http://example.com/already%20encoded|http://example.com/already%20encoded",
            "http://example.com/100%|http://example.com/100%25",
            "  http://example.com/trim  |http://example.com/trim",
            "http://example.com:8080/x#frag|http://example.com:8080/x"})
    void parsesAsBrowsersDo(String input, String expected) throws Exception {
        assertThat(WebUrl.parse(input).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/x|unsupported scheme \"ftp:\"",
            "javascript:alert(1)|unsupported scheme \"javascript:\"",
            "data:text/html,hi|unsupported scheme \"data:\"",
            "file:///etc/passwd|unsupported scheme \"file:\"",
            "example.com/page|not an absolute URL",
            "http:///nohost|no host"})
    void refusesWhatCannotBeFetched(String input, String why) {
        assertThatThrownBy(() -> WebUrl.parse(input)).hasMessageContaining(why);
    }

    @Test
    void resolvesRelativeReferences() throws Exception {
        URI base = URI.create("http://example.com/a/b/c.html");

        assertThat(WebUrl.resolve(base, "../d.html").toString()).isEqualTo("http://example.com/a/d.html");
        assertThat(WebUrl.resolve(base, "/root").toString()).isEqualTo("http://example.com/root");
        assertThat(WebUrl.resolve(base, "//other.example/x").toString()).isEqualTo("http://other.example/x");
        assertThat(WebUrl.resolve(base, "e f").toString()).isEqualTo("http://example.com/a/b/e%20f");
    }

    @Test
    void shortensVeryLongUrlsInMessages() {
        String longUrl = "gopher://example.com/" + "x".repeat(10_000);

        assertThatThrownBy(() -> WebUrl.parse(longUrl)).message().hasSizeLessThan(300);
    }
}
