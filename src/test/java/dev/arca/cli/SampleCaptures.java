package dev.arca.cli;

import dev.arca.extract.Article;
import dev.arca.index.StoreIndex;
import dev.arca.store.Diagnostics;
import dev.arca.store.Store;
import dev.arca.testing.SyntheticBundles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small store of varied captures with exact metadata: three sites (one a subdomain of another),
 * three authors, two languages, captures in three months, and one page captured twice.
 */
final class SampleCaptures {

    static final String BRIDGE_URL = "https://news.example.com/2024/harbour-bridge";
    static final String TOLL_URL = "https://www.example.com/toll";
    static final String TIDES_URL = "https://getijden.example.org/lente";
    static final String FERRY_URL = "https://news.example.com/ferry";

    /** Capture IDs by title, in the order they were made (oldest first). */
    final Map<String, String> ids = new LinkedHashMap<>();

    SampleCaptures(Path store) {
        Store s = new Store(store);
        try (StoreIndex index = StoreIndex.of(s, Diagnostics.NONE)) { // written as arca writes: the index follows
            save(s, BRIDGE_URL, "2024-03-15T09:00:00Z", article(BRIDGE_URL, "Harbour bridge reopens after repair", "Maria Okafor",
                    "en-GB", "2024-03-14T08:30:00Z", "Engineers finished early.",
                    "The harbour bridge reopened to traffic on Thursday after a repair programme replaced every steel cable.",
                    "Crowds gathered on both banks as the first bus crossed, and cyclists now have a lane of their own.",
                    "The council said the repairs cost less than the budget approved two years ago."));
            save(s, TOLL_URL, "2024-05-02T12:00:00Z", article(TOLL_URL, "Council abolishes the bridge toll", "Li Wei", "en",
                    "2024-05-01T10:00:00Z", null,
                    "Drivers will no longer pay to cross the bridge from June, the council decided on Tuesday evening.",
                    "The toll raised little money once the repair loans were paid off, councillors were told.",
                    "Residents who campaigned for years against the charge celebrated outside the town hall."));
            save(s, TIDES_URL, "2024-05-20T07:30:00Z", article(TIDES_URL, "Getijden voor de lente", "Jan de Vries", "nl",
                    "2023-11-02", null,
                    "De getijden in het voorjaar zijn hoger dan gemiddeld, zegt het waterschap in een nieuw rapport.",
                    "Vissers en zeilers krijgen het advies de tabellen voor elke haven apart te raadplegen.",
                    "Het rapport verschijnt elk jaar in november en is gratis te downloaden."));
            save(s, FERRY_URL, "2024-06-01T18:00:00Z", article(FERRY_URL, "Ferry timetable changes in spring", "Maria Okafor",
                    "en-US", null, null,
                    "The harbour ferry will run every twenty minutes from April, instead of every half hour.",
                    "Operators said passenger numbers fell while the bridge was closed for its repair.",
                    "Evening sailings on weekdays end at eleven, an hour later than in winter."));
            save(s, BRIDGE_URL + "?utm_source=newsletter", "2024-06-03T08:00:00Z", article(BRIDGE_URL,
                    "Harbour bridge reopens after repair (updated)", "Maria Okafor", "en-GB", "2024-03-14T08:30:00Z", null,
                    "The harbour bridge reopened to traffic on Thursday after a repair programme replaced every steel cable.",
                    "Update: the cycle lane opens next week, a week later than planned, because of the weather.",
                    "The council said the repairs cost less than the budget approved two years ago."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save(Store store, String requested, String when, Article article) throws IOException {
        ids.put(article.title(), SyntheticBundles.save(store, article, requested, Instant.parse(when)).id());
    }

    static Article article(String url, String title, String author, String language, String published, String description,
                           String... paragraphs) {
        String text = String.join("\n", paragraphs);
        return new Article(url, url, title, author, List.of(author), published, null, "The Example", language, description,
                null, List.of("news"), null, "text/html", 0.9, text.split("\\s+").length, text,
                "<p>" + String.join("</p><p>", paragraphs) + "</p>");
    }

    String id(String title) {
        String id = ids.get(title);
        if (id == null) {
            throw new AssertionError("no capture titled " + title + " in " + ids.keySet());
        }
        return id;
    }
}
