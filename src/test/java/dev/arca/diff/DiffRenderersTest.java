package dev.arca.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.render.HtmlPageRenderer;
import dev.arca.testing.CommonMarkTree;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DiffRenderersTest {

    private static final String P1 = "The harbour bridge reopened on Thursday.";
    private static final String P2 = "Crowds gathered on both banks as the first bus crossed.";
    private static final String P3 = "The repairs cost 48 million pounds, less than the budget.";
    private static final String P4 = "Cyclists will have a lane of their own. It is protected by a barrier.";
    private static final String HOSTILE = "Old *note* <script>alert(1)</script> | 1. here \u001b[31m\u009b2J";

    /** A title edit, a stealth edit, a split, a removal, an addition and a move. */
    private static final ArticleDiff DIFF = ArticleDiff.between(
            Articles.of("Bridge reopens", P1, P2, P3, P4, HOSTILE),
            Articles.of("Bridge reopens <early>", P1, P3.replace("48", "58"), "Cyclists will have a lane of their own.",
                    "It is protected by a barrier.", "A ferry will run in the evenings.", P2));

    @Test
    void unifiedTextWithoutColourMarksWordsLikeGitWordDiff() {
        String text = new UnifiedDiffRenderer(false).render(DIFF, "1abc 2024-03-14", "1abd 2024-03-15");

        assertThat(text).isEqualTo("""
                --- 1abc 2024-03-14
                +++ 1abd 2024-03-15
                @@ title @@
                -Bridge reopens
                +Bridge reopens <early>
                @@ ¶3 → ¶2 changed @@
                 The repairs cost [-48-] {+58+} million pounds, less than the budget.
                @@ ¶4 → ¶3–4 split @@
                 Cyclists will have a lane of their own.{+¶+}
                 It is protected by a barrier.
                @@ ¶5 removed @@
                -Old *note* <script>alert(1)</script> | 1. here [31m2J
                @@ ¶5 added @@
                +A ferry will run in the evenings.
                @@ ¶2 → ¶6 moved @@
                 Crowds gathered on both banks as the first bus crossed.
                """);
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f)).isEmpty();
    }

    @Test
    void unifiedTextInColourWritesOnlyItsOwnColourCodes() {
        String text = new UnifiedDiffRenderer(true).render(DIFF, "a", "b");

        assertThat(text).contains("\u001b[31m48\u001b[0m \u001b[32m58\u001b[0m");
        String withoutCodes = text.replaceAll("\u001b\\[(0|1|31|32|36)m", "");
        assertThat(withoutCodes.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f)).isEmpty();
        assertThat(withoutCodes).isEqualTo(new UnifiedDiffRenderer(false).render(DIFF, "a", "b")
                .replace("[-48-]", "48").replace("{+58+}", "58").replace("{+¶+}", "¶"));
    }

    @Test
    void jsonFollowsTheDocumentedSchemaFieldByField() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonDiffRenderer().render(DIFF, "1abc", null));

        assertThat(json.fieldNames()).toIterable().containsExactly("schema", "before", "after", "changed", "summary", "fields", "paragraphs");
        assertThat(json.get("schema").asText()).isEqualTo("arca-diff/1");
        assertThat(json.get("before").asText()).isEqualTo("1abc");
        assertThat(json.get("after").isNull()).isTrue();
        assertThat(json.get("changed").asBoolean()).isTrue();
        JsonNode summary = json.get("summary");
        assertThat(summary.fieldNames()).toIterable().containsExactly("wordsAdded", "wordsRemoved", "paragraphsAdded",
                "paragraphsRemoved", "paragraphsChanged", "paragraphsMoved");
        ArticleDiff.Summary s = DIFF.summary();
        assertThat(List.of(summary.get("wordsAdded").asInt(), summary.get("wordsRemoved").asInt(), summary.get("paragraphsAdded").asInt(),
                summary.get("paragraphsRemoved").asInt(), summary.get("paragraphsChanged").asInt(), summary.get("paragraphsMoved").asInt()))
                .containsExactly(s.wordsAdded(), s.wordsRemoved(), s.paragraphsAdded(), s.paragraphsRemoved(), s.paragraphsChanged(), s.paragraphsMoved());
        JsonNode field = json.get("fields").get(0);
        assertThat(field.fieldNames()).toIterable().containsExactly("field", "before", "after");
        assertThat(field.get("field").asText()).isEqualTo("title");
        assertThat(field.get("before").asText()).isEqualTo("Bridge reopens");
        assertThat(field.get("after").asText()).isEqualTo("Bridge reopens <early>");
        JsonNode changed = json.get("paragraphs").get(0);
        assertThat(changed.fieldNames()).toIterable().containsExactly("kind", "before", "after", "beforeText", "afterText", "spans");
        assertThat(changed.get("kind").asText()).isEqualTo("changed");
        assertThat(changed.get("before").asInt()).isEqualTo(3);
        assertThat(changed.get("after").asInt()).isEqualTo(2);
        assertThat(changed.get("beforeText").asText()).isEqualTo(P3);
        assertThat(changed.get("afterText").asText()).isEqualTo(P3.replace("48", "58"));
        assertThat(changed.get("spans").get(1).fieldNames()).toIterable().containsExactly("op", "text");
        assertThat(changed.get("spans").findValuesAsText("op")).containsExactly("equal", "delete", "insert", "equal");
        JsonNode split = json.get("paragraphs").get(1);
        assertThat(split.get("kind").asText()).isEqualTo("split");
        assertThat(split.get("afterText").asText()).isEqualTo("Cyclists will have a lane of their own.\nIt is protected by a barrier.");
        assertThat(split.get("spans").get(1).get("text").asText()).isEqualTo("\n");
        JsonNode removed = json.get("paragraphs").get(2);
        assertThat(removed.get("kind").asText()).isEqualTo("removed");
        assertThat(removed.get("after").asInt()).isZero();
        assertThat(removed.get("afterText").asText()).isEmpty();
        assertThat(removed.get("spans").size()).isZero();
        assertThat(json.get("paragraphs").findValuesAsText("kind")).containsExactly("changed", "split", "removed", "added", "moved");
    }

    @Test
    void jsonOfAnEmptyDiffSaysUnchanged() throws Exception {
        ArticleDiff same = ArticleDiff.between(Articles.of("T", P1), Articles.of("T", P1));

        JsonNode json = new ObjectMapper().readTree(new JsonDiffRenderer().render(same, null, null));

        assertThat(json.get("changed").asBoolean()).isFalse();
        assertThat(json.get("fields").size()).isZero();
        assertThat(json.get("paragraphs").size()).isZero();
    }

    @Test
    void markdownEscapesPageTextAndMarksWords() {
        String md = new MarkdownDiffRenderer().render(DIFF, "1abc", "1abd");

        assertThat(md).startsWith("# Changes from 1abc to 1abd\n\n| field | before | after |\n| --- | --- | --- |\n"
                + "| title | Bridge reopens | Bridge reopens \\<early> |\n\n## ¶3 → ¶2 changed\n\n"
                + "The repairs cost ~~48~~ **58** million pounds, less than the budget.\n\n");
        assertThat(md).contains("~~Old \\*note\\* \\<script>alert(1)\\</script> \\| 1. here \\[31m2J~~");
        assertThat(CommonMarkTree.unsafeNodes(md)).isEmpty();
        assertThat(md).contains("Cyclists will have a lane of their own. **¶**\n\nIt is protected by a barrier.");
        assertThat(md.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f)).isEmpty();
    }

    @Test
    void markdownOfAnEmptyDiffSaysSo() {
        assertThat(new MarkdownDiffRenderer().render(ArticleDiff.between(Articles.of("T", P1), Articles.of("T", P1)), "a", "b"))
                .isEqualTo("# Changes from a to b\n\nNo changes.\n");
    }

    @Test
    void htmlPageIsSideBySideAndAsSafeAsTheRestoredPage() {
        String html = new HtmlDiffRenderer().render(DIFF, "1abc <b>", "1abd");
        Document page = Jsoup.parse(html);

        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content")).isEqualTo(HtmlPageRenderer.CONTENT_SECURITY_POLICY);
        assertThat(page.select("script, link, img, iframe, object, embed, form, base, a")).isEmpty();
        Set<String> allowed = Set.of("html", "head", "meta", "title", "style", "body", "h1", "p", "table", "thead", "tbody",
                "tr", "th", "td", "del", "ins", "#root");
        assertThat(page.getAllElements()).extracting(Element::tagName).allMatch(allowed::contains);
        assertThat(page.getAllElements()).allMatch(e -> e.attributes().asList().stream()
                .allMatch(a -> Set.of("class", "charset", "http-equiv", "content", "name").contains(a.getKey())));
        assertThat(page.select("h1").text()).isEqualTo("Changes from 1abc <b> to 1abd");
        Element changed = page.select("tbody tr").get(1);
        assertThat(changed.select("th").text()).isEqualTo("¶3 → ¶2 changed");
        assertThat(changed.select("td.removed del").text()).isEqualTo("48");
        assertThat(changed.select("td.added ins").text()).isEqualTo("58");
        assertThat(changed.select("td.added").text()).isEqualTo(P3.replace("48", "58"));
        assertThat(page.select("tbody tr").get(2).select("td.added p")).hasSize(2);
        assertThat(page.text()).contains("Old *note* <script>alert(1)</script> | 1. here [31m2J");
        assertThat(html).doesNotContain("&#x1b;").doesNotContain("<script>");
        assertThat(html.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f)).isEmpty();
    }
}
