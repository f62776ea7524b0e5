package dev.arca.fetch;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person types or a page links to into an absolute http(s) {@link URI}, the way a
 * browser's address bar does: IDN hosts become punycode and characters a URI may not hold, such as
 * spaces or non-ASCII letters in the path, are percent-encoded.
 */
public final class WebUrl {

    private static final Pattern ABSOLUTE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$", Pattern.DOTALL);
    private static final Pattern AUTHORITY = Pattern.compile("^//([^/?#]*)(.*)$", Pattern.DOTALL);
    private static final Pattern HOST_PORT = Pattern.compile("^(\\[[^\\]]*\\]|[^:]*)(?::(\\d*))?$");

    private WebUrl() {
    }

    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    /** True when {@code text} starts with a URL scheme ("https:", "file:", "mailto:"): meant as a URL, not a path. */
    public static boolean hasScheme(String text) {
        return HAS_SCHEME.matcher(text).matches();
    }

    /** Parses an absolute http or https URL. */
    public static URI parse(String text) throws FetchException {
        String trimmed = text == null ? "" : text.strip();
        Matcher abs = ABSOLUTE.matcher(trimmed);
        if (!abs.matches()) {
            throw bad(trimmed, "not an absolute URL");
        }
        String scheme = abs.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad(trimmed, "unsupported scheme \"" + scheme + ":\"; only http and https can be fetched");
        }
        Matcher auth = AUTHORITY.matcher(abs.group(2));
        if (!auth.matches() || auth.group(1).isEmpty()) {
            throw bad(trimmed, "no host");
        }
        if (auth.group(1).contains("@")) {
            throw bad(trimmed, "credentials in URLs are not supported");
        }
        String authority = asciiAuthority(trimmed, auth.group(1));
        // a fragment is for the browser, never sent: the capture is of the page without it
        String rest = encodeIllegal(withoutFragment(auth.group(2)));
        try {
            URI uri = new URI(scheme + "://" + authority + rest);
            if (uri.getHost() == null) {
                throw bad(trimmed, "invalid host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw bad(trimmed, e.getReason());
        }
    }

    /** Resolves a Location header or link against {@code base} and parses the result. */
    public static URI resolve(URI base, String reference) throws FetchException {
        String ref = reference == null ? "" : reference.strip();
        if (ABSOLUTE.matcher(ref).matches()) {
            return parse(ref);
        }
        try {
            return parse(base.resolve(new URI(encodeIllegal(ref))).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw bad(ref, "cannot be resolved against " + base);
        }
    }

    private static String withoutFragment(String rest) {
        int hash = rest.indexOf('#');
        return hash < 0 ? rest : rest.substring(0, hash);
    }

    private static String asciiAuthority(String url, String authority) throws FetchException {
        Matcher m = HOST_PORT.matcher(authority);
        if (!m.matches()) {
            throw bad(url, "invalid host");
        }
        String host = m.group(1);
        String port = m.group(2);
        String asciiHost;
        try {
            asciiHost = host.startsWith("[") ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw bad(url, "invalid host name");
        }
        if (asciiHost.isEmpty()) {
            throw bad(url, "no host");
        }
        if (port != null && !port.isEmpty() && (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            throw bad(url, "port out of range");
        }
        return asciiHost + (port == null || port.isEmpty() ? "" : ":" + port);
    }

    /** Percent-encodes every byte that may not appear in a URI, keeping existing escapes. */
    private static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (b > 0x20 && b < 0x7f && "\"<>\\^`{|}".indexOf(b) < 0 && (b != '%' || escape)) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    private static FetchException bad(String url, String why) {
        String shown = url.length() > 200 ? url.substring(0, 200) + "…" : url;
        return new FetchException(FetchException.Reason.BAD_URL, "invalid URL \"" + shown + "\": " + why);
    }
}
