package dev.arca.extract;

/**
 * The writing direction of a page that does not declare one ({@code <html dir>}, {@code <body dir>}):
 * from the body's own letters, "rtl" when most of its strong characters are right-to-left (Arabic,
 * Hebrew, Syriac, Thaana, N'Ko ...), else "ltr". A reader shows a Hebrew or Arabic story right to
 * left without the page having said so. Only the first {@link #SAMPLE} characters are read, so the
 * step costs the same on a page of any length.
 */
final class DirectionStep implements Step {

    static final int SAMPLE = 20_000;

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        if (m.direction() != null) {
            return;
        }
        String text = page.text();
        if (text == null || text.isEmpty()) {
            return;
        }
        String direction = of(text);
        if (direction != null) {
            m.offer(Metadata.Field.DIRECTION, direction, Source.TEXT);
        }
    }

    /** "rtl", "ltr", or null when {@code text} has no strong characters at all (digits, punctuation). */
    static String of(CharSequence text) {
        int rtl = 0;
        int ltr = 0;
        int end = Math.min(text.length(), SAMPLE);
        for (int i = 0; i < end; ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            switch (Character.getDirectionality(c)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> rtl++;
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> ltr++;
                default -> {
                }
            }
        }
        if (rtl == 0 && ltr == 0) {
            return null;
        }
        return rtl > ltr ? "rtl" : "ltr";
    }
}
