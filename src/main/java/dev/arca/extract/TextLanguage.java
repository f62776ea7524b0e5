package dev.arca.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetector;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Which language a text is written in, by Apache OpenNLP's language detector and its published
 * model of 103 languages ({@code langdetect-183.bin}, from {@code opennlp-models-langdetect}).
 * It was chosen over optimaize language-detector (about 100 MB of heap for its 70 profiles, last
 * released in 2016) and Lingua (an 80 MB jar): the model takes about 37 MB of heap, is read once
 * per JVM on first use. A guess reads the first {@link #FIRST_SAMPLE} characters, and reads on to
 * {@link #SAMPLE} only when that first guess is not clear: on the 457 pages of three corpora that
 * gives the same languages as always reading 1,000, in less time. Texts shorter than
 * {@link #MIN_TEXT} are not guessed: the model is trained for two sentences or more. In a JVM whose
 * heap is below {@link #MIN_HEAP} the model is never loaded,
 * so that a small heap keeps its room for the records being archived; {@link #available()} says so.
 */
final class TextLanguage {

    /** Characters of the text the guess reads, so that a page of any length costs the same. */
    static final int SAMPLE = 1_000;
    /** Characters read first: a guess from this few is kept only when it is {@link #SURE_MARGIN} times as likely as the next. */
    static final int FIRST_SAMPLE = 200;
    private static final double SURE_MARGIN = 2;
    /** Below this many characters no guess is made. */
    static final int MIN_TEXT = 120;
    /** The best language must be this many times as likely as the next, or no guess is made. */
    private static final double MIN_MARGIN = 1.5;
    /** The smallest maximum heap (-Xmx) in which the model is loaded. */
    static final long MIN_HEAP = 192L * 1024 * 1024;
    private static final String MODEL = "/langdetect-183.bin";
    /** ISO 639-3 individual languages the model names whose BCP 47 tag is a two-letter macrolanguage. */
    private static final Map<String, String> MACRO = Map.of("cmn", "zh", "ekk", "et", "lvs", "lv", "pes", "fa", "plt", "mg");

    /** A language as a BCP 47 tag, and how sure the detector is (0-1). */
    record Guess(String tag, double confidence) {
    }

    private TextLanguage() {
    }

    /** Whether this JVM's heap is large enough for the model. */
    static boolean available() {
        return Runtime.getRuntime().maxMemory() >= MIN_HEAP;
    }

    /** The language of {@code text}, or null when it is too short, no language stands out, or the model is not {@link #available()}. */
    static Guess guess(String text) {
        if (text == null || text.strip().length() < MIN_TEXT || !available()) {
            return null;
        }
        if (text.length() > FIRST_SAMPLE) {
            Guess first = guess(text, FIRST_SAMPLE, SURE_MARGIN);
            if (first != null || text.length() <= FIRST_SAMPLE) {
                return first;
            }
        }
        return guess(text, SAMPLE, MIN_MARGIN);
    }

    private static Guess guess(String text, int length, double margin) {
        Language[] ranked = Detector.INSTANCE.predictLanguages(text.length() > length ? text.substring(0, length) : text);
        if (ranked.length == 0) {
            return null;
        }
        double best = ranked[0].getConfidence();
        double next = ranked.length > 1 ? ranked[1].getConfidence() : 0;
        if (best <= 0 || best < margin * next) {
            return null;
        }
        return new Guess(tag(ranked[0].getLang()), Math.min(0.9, best / (best + next)));
    }

    /** The shortest BCP 47 tag for an ISO 639-3 code: "deu" is "de", "gsw" stays "gsw". */
    static String tag(String iso639_3) {
        String macro = MACRO.get(iso639_3);
        if (macro != null) {
            return macro;
        }
        return Detector.TWO_LETTER.getOrDefault(iso639_3, iso639_3);
    }

    /** The model and the code table, built on first use (the holder idiom keeps it lazy and thread-safe). */
    private static final class Detector {

        static final Map<String, String> TWO_LETTER = twoLetterCodes();
        static final LanguageDetector INSTANCE = load();

        private static LanguageDetector load() {
            try (InputStream in = TextLanguage.class.getResourceAsStream(MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("the language model " + MODEL + " is not on the class path");
                }
                return new LanguageDetectorME(new LanguageDetectorModel(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the language model " + MODEL, e);
            }
        }

        private static Map<String, String> twoLetterCodes() {
            Map<String, String> codes = new HashMap<>();
            for (String two : Locale.getISOLanguages()) {
                codes.put(Locale.forLanguageTag(two).getISO3Language(), two);
            }
            return codes;
        }
    }
}
