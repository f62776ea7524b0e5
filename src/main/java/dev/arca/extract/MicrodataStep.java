package dev.arca.extract;

import org.jsoup.nodes.Element;

/**
 * Fills metadata gaps from schema.org microdata written on visible elements:
 * {@code itemprop="author|datePublished|dateModified|publisher"} inside an Article
 * item. {@code <meta itemprop>} values are read with the other meta tags.
 */
final class MicrodataStep implements Step {

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        for (Element scope : page.original().select("[itemscope][itemtype]")) {
            String type = scope.attr("itemtype");
            if (!(type.contains("Article") || type.contains("BlogPosting") || type.contains("Report"))) {
                continue;
            }
            m.markArticleTyped();
            for (Element e : scope.select("[itemprop]")) {
                for (String prop : e.attr("itemprop").split("\\s+")) {
                    read(prop, e, m);
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
                    m.offerByline(v);
                }
            }
            case "datePublished", "dateCreated" -> m.offerPublished(value(e));
            case "dateModified" -> m.offerModified(value(e));
            case "description" -> m.offerDescription(value(e));
            case "publisher" -> {
                Element name = e.selectFirst("[itemprop=name]");
                if (name != null) {
                    m.offerSiteName(value(name));
                }
            }
            case "inLanguage" -> m.offerLanguage(value(e));
            default -> {
            }
        }
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
