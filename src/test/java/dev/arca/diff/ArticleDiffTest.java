package dev.arca.diff;

import dev.arca.diff.ParagraphChange.Kind;
import dev.arca.extract.Article;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleDiffTest {

    private static final String P1 = "The harbour bridge reopened to traffic on Thursday morning after a two-year repair programme.";
    private static final String P2 = "Crowds gathered on both banks as the first bus crossed shortly after seven o'clock.";
    private static final String P3 = "The repairs cost 48 million pounds, slightly less than the budget approved in 2022.";
    private static final String P4 = "Cyclists will have a separate lane for the first time, protected by a low concrete barrier.";
    private static final String P5 = "The council says the bridge should now need only routine maintenance for thirty years.";

    private static ArticleDiff diff(Article before, Article after) {
        ArticleDiff diff = ArticleDiff.between(before, after);
        diff.paragraphs().forEach(ArticleDiffTest::assertSpansSpellBothSides);
        return diff;
    }

    /** The equal and deleted spans spell the text before; the equal and inserted ones the text after. */
    private static void assertSpansSpellBothSides(ParagraphChange change) {
        if (change.spans().isEmpty()) {
            assertThat(change.kind()).isIn(Kind.ADDED, Kind.REMOVED, Kind.MOVED);
            if (change.kind() == Kind.MOVED) {
                assertThat(change.afterText()).isEqualTo(change.beforeText());
            }
            return;
        }
        assertThat(spell(change.spans(), Span.Op.INSERT)).isEqualTo(change.beforeText());
        assertThat(spell(change.spans(), Span.Op.DELETE)).isEqualTo(change.afterText());
    }

    private static String spell(List<Span> spans, Span.Op without) {
        StringBuilder text = new StringBuilder();
        boolean afterBreak = true;
        for (Span span : spans) {
            if (span.op() == without) {
                continue;
            }
            if (span.isBreak()) {
                text.append('\n');
                afterBreak = true;
            } else {
                text.append(afterBreak ? "" : " ").append(span.text());
                afterBreak = false;
            }
        }
        return text.toString();
    }

    @Test
    void unchangedArticleGivesAnEmptyDiff() {
        ArticleDiff diff = diff(Articles.of("Bridge reopens", P1, P2, P3), Articles.of("Bridge reopens", P1, P2, P3));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.summary()).isEqualTo(new ArticleDiff.Summary(0, 0, 0, 0, 0, 0));
    }

    @Test
    void whitespaceOnlyChangesAreNoChange() {
        Article before = Articles.of("Bridge reopens", P1, P2, P3);
        Article after = Articles.of("  Bridge\u00a0 reopens ", P1.replace(" ", "  "), "", "\t" + P2 + "\r", "   ", P3.replace(" on ", " on\u2009"));

        assertThat(diff(before, after).isEmpty()).isTrue();
    }

    @Test
    void headlineChangeIsOneFieldChange() {
        ArticleDiff diff = diff(Articles.of("Bridge reopens", P1, P2), Articles.of("Bridge reopens three weeks early", P1, P2));

        assertThat(diff.fields()).containsExactly(
                new FieldChange(FieldChange.Field.TITLE, "Bridge reopens", "Bridge reopens three weeks early"));
        assertThat(diff.paragraphs()).isEmpty();
        assertThat(diff.field(FieldChange.Field.TITLE).after()).isEqualTo("Bridge reopens three weeks early");
        assertThat(diff.field(FieldChange.Field.BYLINE)).isNull();
    }

    @Test
    void bylineAuthorsDatesAndLeadImageAreCompared() {
        Article before = Articles.of("Bridge reopens", P1);
        Article after = Articles.withDates(Articles.withByline(before, "Maria Okafor and Tom Reed", List.of("Maria Okafor", "Tom Reed")),
                "2024-03-14T08:30:00Z", "2024-03-15T09:00:00Z", "https://example.com/media/bridge.jpg");

        assertThat(diff(before, after).fields()).containsExactly(
                new FieldChange(FieldChange.Field.BYLINE, "Maria Okafor", "Maria Okafor and Tom Reed"),
                new FieldChange(FieldChange.Field.AUTHORS, "Maria Okafor", "Maria Okafor, Tom Reed"),
                new FieldChange(FieldChange.Field.MODIFIED, null, "2024-03-15T09:00:00Z"),
                new FieldChange(FieldChange.Field.LEAD_IMAGE, null, "https://example.com/media/bridge.jpg"));
    }

    @Test
    void stealthEditOfOneWordIsMarkedInsideItsParagraph() {
        String edited = P3.replace("48 million", "58 million");

        ArticleDiff diff = diff(Articles.of("Bridge", P1, P2, P3, P4), Articles.of("Bridge", P1, P2, edited, P4));

        assertThat(diff.paragraphs()).hasSize(1);
        ParagraphChange change = diff.paragraphs().get(0);
        assertThat(change.kind()).isEqualTo(Kind.CHANGED);
        assertThat(change.before()).isEqualTo(3);
        assertThat(change.after()).isEqualTo(3);
        assertThat(change.spans()).containsExactly(
                new Span(Span.Op.EQUAL, "The repairs cost"),
                new Span(Span.Op.DELETE, "48"),
                new Span(Span.Op.INSERT, "58"),
                new Span(Span.Op.EQUAL, "million pounds, slightly less than the budget approved in 2022."));
        assertThat(diff.summary()).isEqualTo(new ArticleDiff.Summary(1, 1, 0, 0, 1, 0));
    }

    @Test
    void movedParagraphIsOneMoveNotARemovalAndAnAddition() {
        ArticleDiff diff = diff(Articles.of("Bridge", P1, P2, P3, P4, P5), Articles.of("Bridge", P1, P3, P4, P5, P2));

        assertThat(diff.paragraphs()).containsExactly(new ParagraphChange(Kind.MOVED, 2, 5, P2, P2, List.of()));
        assertThat(diff.summary()).isEqualTo(new ArticleDiff.Summary(0, 0, 0, 0, 0, 1));
    }

    @Test
    void paragraphMovedAndLightlyEditedIsAMoveWithWordMarks() {
        String edited = P2.replace("the first bus", "the first double-decker bus");

        ArticleDiff diff = diff(Articles.of("Bridge", P1, P2, P3, P4, P5), Articles.of("Bridge", P1, P3, P4, P5, edited));

        assertThat(diff.paragraphs()).hasSize(1);
        ParagraphChange change = diff.paragraphs().get(0);
        assertThat(change.kind()).isEqualTo(Kind.MOVED);
        assertThat(change.before()).isEqualTo(2);
        assertThat(change.after()).isEqualTo(5);
        assertThat(change.spans()).contains(new Span(Span.Op.INSERT, "double-decker"));
        assertThat(diff.summary().wordsAdded()).isEqualTo(1);
    }

    @Test
    void splitParagraphIsOneSplitWithABreakInserted() {
        ArticleDiff diff = diff(Articles.of("Bridge", P1, P2 + " " + P3, P4), Articles.of("Bridge", P1, P2, P3, P4));

        assertThat(diff.paragraphs()).hasSize(1);
        ParagraphChange change = diff.paragraphs().get(0);
        assertThat(change.kind()).isEqualTo(Kind.SPLIT);
        assertThat(change.before()).isEqualTo(2);
        assertThat(change.after()).isEqualTo(2);
        assertThat(change.afterText()).isEqualTo(P2 + "\n" + P3);
        assertThat(change.spans()).containsExactly(new Span(Span.Op.EQUAL, P2), new Span(Span.Op.INSERT, "\n"), new Span(Span.Op.EQUAL, P3));
        assertThat(diff.summary()).isEqualTo(new ArticleDiff.Summary(0, 0, 0, 0, 1, 0));
    }

    @Test
    void mergedParagraphsAreOneMerge() {
        ArticleDiff diff = diff(Articles.of("Bridge", P1, P2, P3, P4), Articles.of("Bridge", P1, P2 + " " + P3, P4));

        assertThat(diff.paragraphs()).extracting(ParagraphChange::kind).containsExactly(Kind.MERGED);
        assertThat(diff.paragraphs().get(0).spans()).contains(new Span(Span.Op.DELETE, "\n"));
    }

    @Test
    void addedAndRemovedParagraphsInReadingOrder() {
        String added = "A ferry service will run during the evening rush hour until the end of the month.";

        ArticleDiff diff = diff(Articles.of("Bridge", P1, P2, P3, P4), Articles.of("Bridge", P1, added, P3, P4, P5));

        assertThat(diff.paragraphs()).containsExactly(
                new ParagraphChange(Kind.REMOVED, 2, 0, P2, "", List.of()),
                new ParagraphChange(Kind.ADDED, 0, 2, "", added, List.of()),
                new ParagraphChange(Kind.ADDED, 0, 5, "", P5, List.of()));
        assertThat(diff.summary()).isEqualTo(new ArticleDiff.Summary(
                Words.count(added) + Words.count(P5), Words.count(P2), 2, 1, 0, 0));
    }

    @Test
    void removedParagraphBeforeAnEditedOneIsNotPairedWithIt() {
        String edited = P3.replace("slightly less", "a little less");

        ArticleDiff diff = diff(Articles.of("Bridge", P1, P2, P3, P4), Articles.of("Bridge", P1, edited, P4));

        assertThat(diff.paragraphs()).extracting(ParagraphChange::kind, ParagraphChange::before, ParagraphChange::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, 2, 0),
                        org.assertj.core.groups.Tuple.tuple(Kind.CHANGED, 3, 2));
    }

    @Test
    void controlCharactersNeverReachTheDiff() {
        ArticleDiff diff = diff(Articles.of("Bridge", P1), Articles.of("Bridge\u001b]8;;https://evil.example\u0007 \u009b31m", P1 + "\u001b[2J"));

        assertThat(diff.field(FieldChange.Field.TITLE).after()).isEqualTo("Bridge]8;;https://evil.example 31m");
        assertThat(diff.paragraphs().get(0).spans()).containsExactly(new Span(Span.Op.EQUAL, P1.substring(0, P1.lastIndexOf(' '))),
                new Span(Span.Op.DELETE, "programme."), new Span(Span.Op.INSERT, "programme.[2J"));
    }

    @Test
    void oneWordEditInAVeryLongParagraphIsStillMarkedExactly() {
        String longParagraph = IntStream.range(0, 20_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        String edited = longParagraph.replace(" w10000 ", " changed ");

        ArticleDiff diff = diff(Articles.of("T", longParagraph), Articles.of("T", edited));

        assertThat(diff.paragraphs().get(0).spans()).extracting(Span::op)
                .containsExactly(Span.Op.EQUAL, Span.Op.DELETE, Span.Op.INSERT, Span.Op.EQUAL);
        assertThat(diff.summary().wordsAdded()).isEqualTo(1);
    }

    @Test
    void rewrittenMiddleOfAVeryLongParagraphFallsBackToDeletedAndInsertedWhole() {
        List<String> words = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            words.add("w" + i);
            rewritten.add(i == 0 || i == 5999 ? "w" + i : i % 2 == 0 ? "w" + i : "x" + i);
        }

        ArticleDiff diff = diff(Articles.of("T", String.join(" ", words)), Articles.of("T", String.join(" ", rewritten)));

        ParagraphChange change = diff.paragraphs().get(0);
        assertThat(change.kind()).isEqualTo(Kind.CHANGED);
        assertThat(change.spans()).extracting(Span::op)
                .containsExactly(Span.Op.EQUAL, Span.Op.DELETE, Span.Op.INSERT, Span.Op.EQUAL);
        assertThat(diff.summary().wordsRemoved()).isEqualTo(5997);
    }

    @Test
    void unrelatedRewriteIsARemovalAndAnAddition() {
        String other = "Tickets for the summer festival go on sale next week at the town hall box office.";

        ArticleDiff diff = diff(Articles.of("Bridge", P1, P2, P3), Articles.of("Bridge", P1, other, P3));

        assertThat(diff.paragraphs()).extracting(ParagraphChange::kind).containsExactly(Kind.REMOVED, Kind.ADDED);
    }
}
