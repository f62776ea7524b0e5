package dev.arca.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CookieTest {

    @TempDir
    Path dir;

    @Test
    void readsACookiesFileAsWgetAndYtDlpWriteIt() throws IOException {
        Path file = Files.writeString(dir.resolve("cookies.txt"), """
                # Netscape HTTP Cookie File
                .example.com\tTRUE\t/\tTRUE\t1999999999\tsid\tabc
                #HttpOnly_news.example.org\tFALSE\t/members\tFALSE\t0\ttoken\t
                """);

        List<Cookie> cookies = Cookie.read(file);

        assertThat(cookies).containsExactly(
                new Cookie("example.com", true, "/", true, 1999999999L, "sid", "abc", false),
                new Cookie("news.example.org", false, "/members", false, 0, "token", "", true));
        assertThat(Cookie.header(cookies, URI.create("https://www.example.com/a"))).isEqualTo("sid=abc");
        assertThat(Cookie.header(cookies, URI.create("http://www.example.com/a"))).isNull(); // secure: HTTPS only
        assertThat(Cookie.header(cookies, URI.create("http://news.example.org/members/x"))).isEqualTo("token=");
        assertThat(Cookie.header(cookies, URI.create("http://news.example.org/membership"))).isNull();
        assertThat(Cookie.header(cookies, URI.create("http://sub.news.example.org/members"))).isNull();
    }

    @Test
    void aLineThatIsNoCookieIsAnErrorNamingItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("cookies.txt"), "# comment\nsid=abc; Path=/\n");

        assertThatThrownBy(() -> Cookie.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ":2: not a cookies.txt line (seven tab-separated fields)");
    }
}
