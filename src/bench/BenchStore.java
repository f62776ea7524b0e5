import dev.arca.bundle.BundleWriter;
import dev.arca.extract.Article;
import dev.arca.fetch.Capture;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.Header;
import dev.arca.store.Store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a store of at least the given size from large, varied synthetic article pages, with
 * arca's own BundleWriter and Store, for timing {@code arca verify}.
 *
 * <p>Usage: {@code java -cp target/arca.jar src/bench/BenchStore.java STORE MIN_BYTES}
 *
 * <p>Each page is 100–800 KB of HTML: inline CSS, scripts and JSON state (minified code, hashes,
 * numbers), navigation, and a 10–160 KB story whose words come from a large random vocabulary
 * with a Zipf-like skew, so that it compresses about as well as real pages. Four pages in five are
 * stored gzip-encoded, as servers send them; the rest identity-encoded. The article in each
 * bundle is the story, as an extractor would give it.
 */
public final class BenchStore {

    private static final String[] WORDS = vocabulary(30_000, new Random(42));

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        Store store = new Store(root);
        BundleWriter writer = new BundleWriter("arca bench");
        AtomicLong written = new AtomicLong(sizeOf(root));
        AtomicLong count = new AtomicLong();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            jobs.add(pool.submit(() -> {
                Random random = new Random(1000 + seed);
                while (written.get() < target) {
                    long n = count.incrementAndGet();
                    String url = "https://news" + (n % 40) + ".example/" + (2020 + n % 6) + "/story-" + n;
                    Page page = page(random, url);
                    // most HTML is served compressed; a fifth arrives as it is
                    Capture capture = capture(url, page.html, random.nextInt(5) != 0);
                    // the Markdown a renderer would make, without rendering half-megabyte pages
                    String md = "# " + page.article.title() + "\n\n" + page.article.text().replace("\n", "\n\n");
                    try {
                        long size = store.save(capture.date(), (out, id) -> writer.write(out, id, capture, page.article, md, Map.of()))
                                .size();
                        written.addAndGet(size);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        System.out.printf("%d bundles, %d bytes in %s%n", count.get(), written.get(), root);
    }

    private record Page(byte[] html, Article article) {
    }

    private static Page page(Random random, String url) {
        StringBuilder html = new StringBuilder(700_000);
        StringBuilder text = new StringBuilder(200_000);
        StringBuilder body = new StringBuilder(200_000);
        String title = sentence(random, 6 + random.nextInt(8));
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append(" | Example News</title><meta name=\"author\" content=\"").append(sentence(random, 2))
                .append("\"><style>").append(furniture(random, 5_000 + random.nextInt(30_000), "css"))
                .append("</style><script>").append(furniture(random, 20_000 + random.nextInt(150_000), "js"))
                .append("</script></head><body><nav>");
        for (int i = 0; i < 40 + random.nextInt(200); i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            html.append("<a href=\"/section/").append(word).append("\">").append(word).append("</a> ");
        }
        html.append("</nav><article><h1>").append(title).append("</h1>\n");
        int story = 10_000 + random.nextInt(150_000);
        while (text.length() < story) {
            String paragraph = sentence(random, 40 + random.nextInt(120));
            html.append("<p>").append(paragraph).append(" <a href=\"/topic/").append(WORDS[random.nextInt(WORDS.length)])
                    .append("\">").append(WORDS[random.nextInt(WORDS.length)]).append("</a>.</p>\n");
            text.append(paragraph).append('\n');
            body.append("<p>").append(paragraph).append("</p>");
        }
        html.append("</article><aside>").append(sentence(random, 200 + random.nextInt(2000)))
                .append("</aside><script type=\"application/json\">").append(furniture(random, 20_000 + random.nextInt(250_000), "json"))
                .append("</script><footer>© Example News</footer></body></html>\n");
        Article article = new Article(url, url, title, "By " + sentence(random, 2), List.of(sentence(random, 2)),
                "2024-03-14T08:30:00Z", null, "Example News", "en", sentence(random, 20), null, List.of("world"), null,
                "text/html", 0.9, text.length() / 6, text.toString(), body.toString());
        return new Page(html.toString().getBytes(StandardCharsets.UTF_8), article);
    }

    /** Page furniture as sites ship it: minified code and state blobs, with identifiers, numbers and hashes. */
    private static String furniture(Random random, int length, String kind) {
        StringBuilder out = new StringBuilder(length + 64);
        while (out.length() < length) {
            String name = WORDS[random.nextInt(WORDS.length)];
            switch (kind) {
                case "css" -> out.append('.').append(name).append("{margin:").append(random.nextInt(40)).append("px;color:#")
                        .append(Integer.toHexString(random.nextInt(0xffffff))).append('}');
                case "js" -> out.append("var ").append(name).append(random.nextInt(99)).append("=function(a,b){return a.")
                        .append(WORDS[random.nextInt(WORDS.length)]).append("(b,").append(random.nextInt(1000)).append(")};");
                default -> out.append("{\"").append(name).append("\":\"").append(Long.toHexString(random.nextLong()))
                        .append(Long.toHexString(random.nextLong())).append("\",\"n\":").append(random.nextInt(100_000)).append("},");
            }
        }
        return out.toString();
    }

    private static Capture capture(String url, byte[] html, boolean gzip) {
        try {
            URI uri = URI.create(url);
            byte[] wire = gzip ? gzip(html) : html;
            List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "text/html; charset=utf-8")));
            if (gzip) {
                headers.add(new Header("Content-Encoding", "gzip"));
            }
            Instant now = Instant.now();
            Exchange exchange = new Exchange(uri, now, InetAddress.getByName("127.0.0.1"), "HTTP/2",
                    List.of(new Header("Host", uri.getHost()), new Header("User-Agent", "arca bench")), 200, headers, wire);
            return new Capture(uri, uri, now, List.of(exchange), "text/html", "text/html; charset=utf-8", html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            // a Zipf-like skew: common words often, rare words rarely
            int index = (int) Math.min(WORDS.length - 1, Math.pow(random.nextDouble(), 3) * WORDS.length);
            s.append(i == 0 ? "" : " ").append(WORDS[index]);
            if (random.nextInt(25) == 0) {
                s.append(random.nextInt(10_000));
            }
        }
        return s.toString();
    }

    private static String[] vocabulary(int size, Random random) {
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder w = new StringBuilder();
            int length = 2 + random.nextInt(9);
            for (int j = 0; j < length; j++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = w.toString();
        }
        return words;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static long sizeOf(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
