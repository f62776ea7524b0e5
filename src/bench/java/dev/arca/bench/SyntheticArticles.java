package dev.arca.bench;

import dev.arca.extract.Article;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Varied, realistic-looking news articles, reproducible from a seed: a Zipf-distributed vocabulary
 * (real English function and news words at the head, a long tail of made-up words), topics that
 * make words co-occur as they do in real stories, words that recur within one story as names and
 * places do ("burstiness"), sites of Zipf popularity each with its own staff of authors, a mix of
 * languages, log-normal lengths, and capture dates spread over six years.
 */
final class SyntheticArticles {

    /** The most frequent English words, roughly in order, then common news vocabulary. */
    private static final String[] HEAD = ("the of and to a in that is was he for it with as his on be at by i this had not "
            + "are but from or have an they which one you were her all she there would their we him been has when who will "
            + "more no if out so said what up its about into than them can only other new some could time these two may then "
            + "do first any my now such like our over man me even most made after also did many before must through back years "
            + "where much your way well down should because each just those people how too little state good very make world "
            + "still own see men work long get here between both life being under never day same another know while last might "
            + "us great old year off come since against go came right used take three council government city police minister "
            + "report week told according public million percent company market school health water plan officials local "
            + "national president court election party community service workers support children families hospital road "
            + "business price prices energy climate weather season club team players match win football research study data "
            + "university students project money budget tax economy bank rates home homes housing transport train rail bus "
            + "airport flight port harbour bridge river coast storm flood fire power music film art festival book museum")
            .split(" ");

    private static final String[][] TOPICS = {
            {"harbour", "bridge", "ferry", "cables", "toll", "engineers", "span", "repair", "commuters", "traffic"},
            {"election", "ballot", "candidate", "votes", "turnout", "campaign", "polling", "coalition", "mayor", "referendum"},
            {"storm", "flood", "rainfall", "warning", "evacuation", "levee", "wind", "gusts", "forecast", "damage"},
            {"hospital", "nurses", "patients", "waiting", "surgery", "vaccine", "clinic", "doctors", "emergency", "ward"},
            {"football", "striker", "league", "goal", "transfer", "stadium", "coach", "penalty", "season", "fans"},
            {"housing", "rent", "tenants", "mortgage", "landlords", "planning", "apartments", "construction", "affordable", "zoning"},
            {"energy", "solar", "turbines", "grid", "battery", "emissions", "carbon", "pipeline", "electricity", "renewable"},
            {"school", "teachers", "pupils", "curriculum", "exams", "classroom", "funding", "headteacher", "literacy", "tuition"},
            {"museum", "exhibition", "painting", "gallery", "curator", "sculpture", "collection", "artist", "restoration", "archive"},
            {"court", "judge", "trial", "verdict", "appeal", "prosecutor", "jury", "sentence", "lawyers", "evidence"},
            {"rail", "train", "station", "timetable", "delays", "signalling", "platform", "tracks", "operator", "fares"},
            {"fishing", "trawler", "quota", "catch", "harbourmaster", "nets", "cod", "mackerel", "vessel", "crew"},
    };

    private static final String[] FIRST = ("Maria Li Jan Ana Tom Sara Omar Priya Lukas Chloe Kenji Amara Diego Noor Elena "
            + "Samuel Hana Ivan Fatima Peter Grace Ahmed Julia Ravi Mei Oscar Lena Tariq Nina Hugo").split(" ");
    private static final String[] LAST = ("Okafor Wei Vries Costa Baker Khan Patel Schmidt Martin Tanaka Mensah Garcia Haddad "
            + "Rossi Cohen Novak Silva Nguyen Larsen Murphy Dubois Kowalski Ibrahim Jensen Moreau Fischer Reyes Sato Byrne Ali")
            .split(" ");
    private static final String[] LANGUAGES = {"en", "en", "en", "en", "en-GB", "en-US", "en", "de", "fr", "es", "nl", "pt-BR"};
    private static final String[] SITE_WORDS = ("courier herald gazette times post chronicle observer tribune daily record "
            + "mirror echo sentinel dispatch journal ledger bulletin monitor standard express").split(" ");
    private static final String[] TLDS = {"com", "co.uk", "org", "net", "de", "nl", "fr", "example"};
    private static final Instant FIRST_CAPTURE = LocalDate.of(2019, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final long SPAN_SECONDS = Duration.between(FIRST_CAPTURE,
            LocalDate.of(2025, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC)).getSeconds();

    static final int SITES = 60;
    /** The share of a story's words that are its own recurring names, places and key terms. */
    private static final double STORY_SHARE = 0.1;
    /** Recurring story words come from past the function words and topic words. */
    private static final int FIRST_CONTENT_WORD = HEAD.length + TOPICS.length * 10;

    private final long seed;
    private final String[] words;
    private final Zipf wordRank;
    private final Zipf siteRank = new Zipf(SITES, 1.0);
    private final List<Site> sites = new ArrayList<>();

    /** One capture to make: when, from where, and the article. */
    record Generated(Instant captured, String requestedUrl, Article article) {
    }

    private record Site(String host, String name, int topic, List<String> authors, String language) {
    }

    SyntheticArticles(long seed, int vocabulary) {
        this.seed = seed;
        Random random = new Random(seed);
        Set<String> all = new LinkedHashSet<>(List.of(HEAD));
        for (String[] topic : TOPICS) {
            all.addAll(List.of(topic));
        }
        while (all.size() < vocabulary) {
            all.add(madeUpWord(random));
        }
        words = all.toArray(String[]::new);
        wordRank = new Zipf(words.length, 1.07);
        for (int i = 0; i < SITES; i++) {
            String host = (i % 3 == 0 ? "www." : i % 3 == 1 ? "news." : "")
                    + SITE_WORDS[i % SITE_WORDS.length] + (i / SITE_WORDS.length == 0 ? "" : Integer.toString(i))
                    + "." + TLDS[i % TLDS.length];
            List<String> authors = new ArrayList<>();
            for (int a = 0, n = 3 + random.nextInt(30); a < n; a++) {
                authors.add(FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]);
            }
            String name = "The " + capitalise(SITE_WORDS[i % SITE_WORDS.length]);
            sites.add(new Site(host, name, random.nextInt(TOPICS.length), authors, LANGUAGES[random.nextInt(LANGUAGES.length)]));
        }
    }

    /** The site of the {@code rank}-th most popular host, for benchmark queries. */
    String host(int rank) {
        return sites.get(rank).host();
    }

    /** Article number {@code n}; the same n always gives the same article. */
    Generated article(long n) {
        Random random = new Random(seed * 1_000_003L + n);
        Site site = sites.get(siteRank.next(random));
        int topic = random.nextDouble() < 0.6 ? site.topic() : random.nextInt(TOPICS.length);
        Instant captured = FIRST_CAPTURE.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        Instant published = captured.minusSeconds(random.nextInt(3 * 24 * 3600));
        int length = (int) Math.max(120, Math.min(6000, Math.exp(6.55 + 0.6 * random.nextGaussian())));

        String[] story = new String[12 + random.nextInt(20)];
        for (int i = 0; i < story.length; i++) {
            int rank;
            do {
                rank = wordRank.next(random);
            } while (rank < FIRST_CONTENT_WORD);
            story[i] = words[rank];
        }
        String title = capitalise(sentence(random, topic, story, 5 + random.nextInt(8), 0.3));
        String description = capitalise(sentence(random, topic, story, 16 + random.nextInt(14), 0.15)) + ".";
        List<String> paragraphs = new ArrayList<>();
        int words = 0;
        while (words < length) {
            StringBuilder paragraph = new StringBuilder();
            for (int s = 0, sentences = 2 + random.nextInt(5); s < sentences && words < length; s++) {
                int count = 8 + random.nextInt(22);
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(capitalise(sentence(random, topic, story, count, 0.08)))
                        .append('.');
                words += count;
            }
            paragraphs.add(paragraph.toString());
        }
        String author = site.authors().get(random.nextInt(site.authors().size()));
        List<String> authors = random.nextDouble() < 0.12
                ? List.of(author, site.authors().get(random.nextInt(site.authors().size()))) : List.of(author);
        String byline = String.join(" and ", authors);
        String slug = String.join("-", title.toLowerCase(Locale.ROOT).split(" ")).replaceAll("[^a-z0-9-]", "");
        String url = "https://" + site.host() + "/" + published.toString().substring(0, 7).replace('-', '/') + "/" + slug;
        String requested = random.nextDouble() < 0.2 ? url + "?utm_source=feed" : url;
        String text = String.join("\n", paragraphs);
        String html = "<p>" + String.join("</p><p>", paragraphs) + "</p>";
        Article article = new Article(url, url, title, byline, authors, published.toString(), null, site.name(),
                site.language(), description, "https://" + site.host() + "/media/" + n + ".jpg",
                List.of(TOPICS[topic][0]), null, "text/html", 0.9, words, text, html);
        return new Generated(captured, requested, article);
    }

    /** Words from the topic, from this story's own recurring words, or from the whole vocabulary. */
    private String sentence(Random random, int topic, String[] story, int count, double topicShare) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double r = random.nextDouble();
            String word = r < topicShare ? TOPICS[topic][random.nextInt(TOPICS[topic].length)]
                    : r < topicShare + STORY_SHARE ? story[random.nextInt(story.length)]
                    : words[wordRank.next(random)];
            out.append(i == 0 ? "" : " ").append(word);
        }
        return out.toString();
    }

    private static String madeUpWord(Random random) {
        String[] onsets = {"b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "r",
                "s", "sh", "st", "t", "tr", "v", "w", "z"};
        String[] vowels = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "ie"};
        String[] codas = {"", "", "n", "r", "s", "l", "m", "nt", "st", "ck", "ng"};
        StringBuilder word = new StringBuilder();
        for (int s = 0, n = 1 + random.nextInt(3); s < n; s++) {
            word.append(onsets[random.nextInt(onsets.length)]).append(vowels[random.nextInt(vowels.length)])
                    .append(codas[random.nextInt(codas.length)]);
        }
        return word.toString();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
