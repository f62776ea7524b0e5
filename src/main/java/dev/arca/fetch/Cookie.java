package dev.arca.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cookie of a Netscape {@code cookies.txt} file, the format wget, curl and yt-dlp read: one
 * cookie a line, seven tab-separated fields (domain, include subdomains, path, secure, expiry in
 * Unix seconds, name, value); {@code #} starts a comment, except {@code #HttpOnly_} before a domain.
 *
 * @param domain            the host, without a leading dot
 * @param includeSubdomains also sent to the domain's subdomains
 * @param path              sent to this path and below
 * @param secure            sent over HTTPS only
 * @param expires           Unix seconds, 0 for a session cookie
 * @param httpOnly          hidden from scripts
 */
public record Cookie(String domain, boolean includeSubdomains, String path, boolean secure, long expires,
                     String name, String value, boolean httpOnly) {

    private static final String HTTP_ONLY = "#HttpOnly_";

    /** Reads {@code file}; a line that is not a cookie is an error naming its number. */
    public static List<Cookie> read(Path file) throws IOException {
        List<Cookie> cookies = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\r", "");
            boolean httpOnly = line.startsWith(HTTP_ONLY);
            if (httpOnly) {
                line = line.substring(HTTP_ONLY.length());
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IOException(file + ":" + (i + 1) + ": not a cookies.txt line (seven tab-separated fields)");
            }
            long expires;
            try {
                expires = Long.parseLong(f[4].strip());
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": the expiry is not a number: " + f[4]);
            }
            String domain = f[0].strip().toLowerCase(Locale.ROOT);
            boolean dotted = domain.startsWith(".");
            cookies.add(new Cookie(dotted ? domain.substring(1) : domain, dotted || f[1].equalsIgnoreCase("TRUE"),
                    f[2].isEmpty() ? "/" : f[2], f[3].equalsIgnoreCase("TRUE"), expires, f[5], f[6], httpOnly));
        }
        return List.copyOf(cookies);
    }

    /** True when a request to {@code url} carries this cookie. */
    public boolean matches(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean hostMatches = host.equals(domain) || includeSubdomains && host.endsWith("." + domain);
        String requestPath = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        boolean pathMatches = requestPath.startsWith(path)
                && (path.endsWith("/") || requestPath.length() == path.length() || requestPath.charAt(path.length()) == '/');
        return hostMatches && pathMatches && (!secure || "https".equalsIgnoreCase(url.getScheme()));
    }

    /** The {@code Cookie} request header for {@code url}, or null when no cookie matches. */
    public static String header(List<Cookie> cookies, URI url) {
        StringBuilder header = new StringBuilder();
        for (Cookie c : cookies) {
            if (c.matches(url)) {
                header.append(header.length() == 0 ? "" : "; ").append(c.name()).append('=').append(c.value());
            }
        }
        return header.length() == 0 ? null : header.toString();
    }
}
