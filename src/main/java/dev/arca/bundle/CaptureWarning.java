package dev.arca.bundle;

/**
 * Something a step derived from a capture could not do, or found wrong with the page: the raw
 * capture was stored all the same. Bundles keep these in {@code article/warnings.json} and in a
 * WARC metadata record; {@code fetch}, {@code show} and {@code list} report them.
 *
 * @param step    the derived step: {@link #EXTRACT}, {@link #MARKDOWN} or {@link #ARTICLE_JSON}
 * @param message why, in one line
 */
public record CaptureWarning(String step, String message) {

    /** Extracting the article from the page. */
    public static final String EXTRACT = "extract";
    /** Rendering the article as Markdown. */
    public static final String MARKDOWN = "markdown";
    /** Capturing the page in a browser: a limit it hit, or why the static capture was kept instead. */
    public static final String BROWSER = "browser";
    /** Fetching the page's requisites: a limit that left some out, or a failure to list them. */
    public static final String REQUISITES = "requisites";
    /** Writing the article as JSON. */
    public static final String ARTICLE_JSON = "article-json";
    /**
     * Signing the bundle (or time-stamping the signature). It comes last, over the finished
     * members, so its warning is reported by the run and not kept in the bundle, which is stored unsigned.
     */
    public static final String SIGN = "sign";

    /** Long enough for any exception's own words, short enough for one line of a listing. */
    private static final int MAX_MESSAGE = 300;

    public CaptureWarning {
        step = oneLine(step == null ? "" : step);
        message = oneLine(message == null ? "" : message);
    }

    /** The warning for a step that failed with {@code failure}: its class and its first line, e.g. "StackOverflowError". */
    public static CaptureWarning failed(String step, Throwable failure) {
        String words = failure.getMessage();
        String name = failure.getClass().getSimpleName();
        return new CaptureWarning(step, words == null || words.isBlank() ? name : name + ": " + words);
    }

    /** "markdown: StackOverflowError", as the command line prints it. */
    public String line() {
        return step + ": " + message;
    }

    private static String oneLine(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        return clipped(text.substring(0, end).replaceAll("\\p{Cntrl}", " ").strip(), MAX_MESSAGE);
    }

    /** {@code text} cut to at most {@code max} characters, the last an ellipsis when it was cut; never inside a surrogate pair. */
    static String clipped(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        return text.substring(0, Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut) + "…";
    }
}
