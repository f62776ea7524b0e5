package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.arca.cli.HistoryAndDiffTest.P1;
import static dev.arca.cli.HistoryAndDiffTest.P2;
import static dev.arca.cli.HistoryAndDiffTest.P3;
import static dev.arca.cli.HistoryAndDiffTest.json;
import static dev.arca.cli.HistoryAndDiffTest.page;
import static org.assertj.core.api.Assertions.assertThat;

/** arca changes through the real command line: lines, JSON lines and a valid Atom 1.0 feed of the articles that changed. */
class ChangesCommandTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    Path home;

    private final LoopbackServer server = new LoopbackServer();
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private Cli cli;

    @BeforeEach
    void start() {
        server.handle("/news/", exchange -> {
            String html = pages.get(exchange.getRequestURI().getPath());
            if (html == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                LoopbackServer.sendHtml(exchange, html);
            }
        }, true);
        cli = new Cli(home);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Serves {@code html} at {@code path} and fetches it (again); returns the fetch's JSON row. */
    private JsonNode capture(String path, String html) {
        pages.put(path, html);
        Cli.Result r = cli.run("fetch", "--refetch", "--json", server.url(path));
        assertThat(r.status()).as(r.err()).isZero();
        return json(r.out()).get(0);
    }

    private Instant captured(JsonNode row) {
        return cli.run("show", "--json", row.get("id").asText()).lines().stream().findFirst()
                .map(l -> json(l).get(0).get("captured").asText()).map(Instant::parse).orElseThrow();
    }

    @Test
    void listsEachChangedArticleOnceWithASummary() throws Exception {
        JsonNode first = capture("/news/bridge", page("Bridge reopens", "Maria Okafor", "Local", P1, P2, P3));
        capture("/news/ferry", page("Ferry resumes", "Tom Hale", "Local", P1, P2));
        JsonNode second = capture("/news/bridge", page("Bridge reopens early", "Maria Okafor", "Local", P1, P2, P3.replace("48", "58")));
        JsonNode third = capture("/news/bridge", page("Bridge reopens early", "Maria Okafor", "Local", P1, P3.replace("48", "58")));
        String since = captured(second).toString();

        Cli.Result text = cli.run("changes", "--since", since);

        assertThat(text.status()).as(text.err()).isZero();
        List<String> lines = text.lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("ID +PREVIOUS +CAPTURED +CHANGED +TITLE +URL");
        assertThat(lines.get(1)).startsWith(third.get("id").asText() + "  " + first.get("id").asText() + "  ")
                .contains("  headline, body: +1 -13 words  Bridge reopens early  " + server.url("/news/bridge"));

        List<JsonNode> rows = json(cli.run("changes", "--since", since, "--json").out());
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.fieldNames()).toIterable().containsExactly("id", "previous", "url", "title", "captured",
                "previousCaptured", "changed", "fields", "wordsAdded", "wordsRemoved", "summary");
        assertThat(row.get("previous").asText()).isEqualTo(first.get("id").asText());
        assertThat(row.get("changed").get("headline").asBoolean()).isTrue();
        assertThat(row.get("summary").asText()).isEqualTo("headline, body: +1 -13 words");

        Cli.Result fromTheStart = cli.run("changes", "--since", "2000-01-01", "--json");
        assertThat(json(fromTheStart.out())).as("the ferry was captured once: new, not changed").hasSize(1)
                .allMatch(r -> r.get("previous").asText().equals(first.get("id").asText()));
    }

    @Test
    void nothingChangedPrintsNothing() {
        capture("/news/bridge", page("Bridge reopens", "Maria Okafor", "Local", P1, P2));

        Cli.Result r = cli.run("changes", "--since", "2000-01-01");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(cli.run("changes", "--since", "yesterday").status()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void atomIsAValidAtom1FeedWhateverThePageSays() throws Exception {
        capture("/news/bridge", page("Bridge reopens", "Maria Okafor", "Local", P1, P2));
        JsonNode after = capture("/news/bridge", page("Bridge &lt;reopens&gt; &amp; more \u0007 ]]&gt;", "Maria Okafor", "Local", P1));

        Cli.Result r = cli.run("changes", "--since", "2000-01-01", "--format", "atom");

        assertThat(r.status()).as(r.err()).isZero();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(r.out())));
        Element feed = xml.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(feed, required)).as("feed/" + required).hasSize(1);
        }
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(1);
        for (String required : List.of("id", "title", "updated", "summary")) {
            assertThat(children(entries.get(0), required)).as("entry/" + required).hasSize(1);
        }
        assertThat(children(entries.get(0), "title").get(0).getTextContent()).isEqualTo("Bridge <reopens> & more  ]]>");

        Feed parsed = (Feed) new WireFeedInput().build(new StringReader(r.out()));
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        Entry entry = parsed.getEntries().get(0);
        assertThat(entry.getId()).isEqualTo("urn:arca:capture:" + after.get("id").asText());
        assertThat(entry.getAlternateLinks()).extracting(Link::getHref).containsExactly(server.url("/news/bridge"));
        assertThat(entry.getSummary().getValue()).startsWith("headline, body: ");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new java.util.ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
