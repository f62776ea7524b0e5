package dev.arca.extract;

import java.nio.charset.StandardCharsets;

/**
 * Builds a page of about {@code args[0]} megabytes in memory and extracts it, printing the
 * word count and the time taken. {@link LargePageTest} runs it in a JVM limited to 256 MB.
 */
public final class LargePageProbe {

    private LargePageProbe() {
    }

    public static void main(String[] args) {
        int megabytes = Integer.parseInt(args[0]);
        byte[] page = page(megabytes * 1024 * 1024);
        long start = System.nanoTime();
        Article a = Extractor.create().extract(page, "text/html; charset=utf-8", "https://big.example/story").article();
        System.out.printf("bytes=%d words=%d ms=%d%n", page.length, a.wordCount(),
                (System.nanoTime() - start) / 1_000_000);
    }

    static byte[] page(int size) {
        StringBuilder html = new StringBuilder(size + 4096);
        html.append("<html><head><title>A very long report</title></head><body><nav><a href=\"/\">Home</a></nav>");
        html.append("<article><h1>A very long report</h1>");
        int i = 0;
        while (html.length() < size) {
            html.append("<p>Paragraph ").append(i++).append(" of the report goes on about the harbour, the cranes, ")
                    .append("the volunteers and the council, with <a href=\"/n").append(i)
                    .append("\">a link</a> now and then.</p>\n");
            if (i % 50 == 0) {
                html.append("<div class=\"share\"><a href=\"/s\">Share</a></div><h2>Part ").append(i / 50)
                        .append("</h2>\n");
            }
        }
        html.append("</article></body></html>");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
