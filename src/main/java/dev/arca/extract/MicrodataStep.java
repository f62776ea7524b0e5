package dev.arca.extract;

import dev.arca.extract.Metadata.Field;
import org.jsoup.nodes.Element;

/**
 * Offers metadata from schema.org microdata written on visible elements:
 * {@code itemprop="author|datePublished|dateModified|publisher"} inside an Article
 * item. {@code <meta itemprop>} values are read with the other meta tags.
 */
final class MicrodataStep implements Step {

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        for (Element scope : page.tags().itemScopes()) {
            String type = scope.attr("itemtype");
            if (!(type.contains("Article") || type.contains("BlogPosting") || type.contains("Report"))) {
                continue;
            }
            m.markArticleTyped();
            for (Element e : scope.select("[itemprop]")) {
                if (ownedBy(e, scope)) {
                    for (String prop : e.attr("itemprop").split("\\s+")) {
                        read(prop, e, m);
                    }
                }
            }
            return;
        }
    }

    private static void read(String prop, Element e, Metadata m) {
        switch (prop) {
            case "author", "creator" -> {
                Element name = e.selectFirst("[itemprop=name]");
                String v = name != null ? value(name) : value(e);
                if (v != null && v.length() < 100) {
                    m.addAuthor(v);
                    m.offer(Field.BYLINE, v, Source.MICRODATA);
                }
            }
            case "datePublished", "dateCreated" -> m.offer(Field.PUBLISHED, value(e), Source.MICRODATA);
            case "dateModified" -> m.offer(Field.MODIFIED, value(e), Source.MICRODATA);
            case "description" -> m.offer(Field.DESCRIPTION, value(e), Source.MICRODATA);
            case "publisher" -> {
                Element name = e.selectFirst("[itemprop=name]");
                if (name != null) {
                    m.offer(Field.SITE_NAME, value(name), Source.MICRODATA);
                }
            }
            case "inLanguage" -> m.offer(Field.LANGUAGE, value(e), Source.MICRODATA);
            default -> {
            }
        }
    }

    /** A property of the article itself, not of an item inside it (an image's author, a quoted review's date). */
    private static boolean ownedBy(Element e, Element scope) {
        for (Element p = e.parent(); p != null && p != scope; p = p.parent()) {
            if (p.hasAttr("itemscope")) {
                return false;
            }
        }
        return true;
    }

    private static String value(Element e) {
        for (String attr : new String[] {"content", "datetime"}) {
            if (e.hasAttr(attr)) {
                return e.attr(attr);
            }
        }
        String t = e.text();
        return t.isBlank() ? null : t;
    }
}
