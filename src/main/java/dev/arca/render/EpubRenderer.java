package dev.arca.render;

import dev.arca.extract.Article;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The article as an EPUB 3 book for e-readers: one chapter with the title, byline and source
 * link, the body (see {@link XhtmlBody}) and the captured images, and the metadata (title,
 * authors, date, language, publisher, description, source URL) in the package document; the
 * lead image, when captured, is the book's cover.
 *
 * <p>The book passes epubcheck with no error and no warning, so it holds nothing a reading
 * system may refuse: no remote resource (an image not captured shows its alt text), no image in
 * a format outside EPUB's core media types (AVIF, BMP, icons; SVG too, whose documents epubcheck
 * validates and pages' SVGs often fail), no script. The same capture gives the same bytes.
 */
public final class EpubRenderer {

    private static final Set<ImageType> CORE_IMAGES = EnumSet.of(ImageType.JPEG, ImageType.PNG, ImageType.GIF, ImageType.WEBP);
    private static final String STYLE = "body{margin:0 1em;line-height:1.5}img{max-width:100%;height:auto}"
            + "header p{color:#555}figure{margin:1em 0}figcaption{color:#555;font-size:.9em}"
            + ".missing-image{border:1px dashed #999;padding:0 .3em;font-style:italic}pre{white-space:pre-wrap}\n";

    /**
     * Writes the book to {@code out}, which stays open.
     *
     * @param made when the book was made, the capture's time: the package's required modification
     *             date, and the time of every file in the ZIP, so that the bytes depend on nothing else
     */
    public void write(Article article, CapturedResources resources, Instant made, OutputStream out) throws IOException {
        Instant when = made.truncatedTo(ChronoUnit.SECONDS);
        String title = title(article);
        String language = LanguageTag.wellFormed(article.language()).orElse("und");
        ImageFiles images = new ImageFiles(resources, "images/");
        ImageLinks links = images.links(CORE_IMAGES::contains);
        String body = XhtmlBody.of(HtmlPageRenderer.cleanBody(article, links).body());
        Optional<String> cover = Optional.ofNullable(article.leadImage()).flatMap(lead -> links.link(
                Jsoup.parseBodyFragment("", article.url() == null ? "" : article.url()).body().appendElement("img").attr("src", lead)));

        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        stored(zip, "mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII), when);
        deflated(zip, "META-INF/container.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """, when);
        deflated(zip, "EPUB/package.opf", packageDocument(article, title, language, images.files(), cover.orElse(null), when), when);
        deflated(zip, "EPUB/nav.xhtml", xhtml(title, language, "", "<nav epub:type=\"toc\" id=\"toc\"><h1>"
                + Xml.escape(title) + "</h1><ol><li><a href=\"article.xhtml\">" + Xml.escape(title) + "</a></li></ol></nav>"), when);
        deflated(zip, "EPUB/article.xhtml", xhtml(title, language, "<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>",
                "<article>" + header(article, title) + body + "</article>"), when);
        deflated(zip, "EPUB/style.css", STYLE, when);
        for (ImageFiles.ImageFile image : images.files()) {
            // images are compressed already
            stored(zip, "EPUB/" + image.path(), image.bytes(), when);
        }
        zip.finish();
    }

    private static String title(Article article) {
        for (String candidate : new String[] {article.title(), article.url()}) {
            String t = Bylines.oneLine(candidate);
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "Untitled";
    }

    private static String header(Article article, String title) {
        StringBuilder h = new StringBuilder("<header><h1>").append(Xml.escape(title)).append("</h1>");
        String byline = Bylines.line(article);
        if (!byline.isEmpty()) {
            h.append("<p>").append(Xml.escape(byline)).append("</p>");
        }
        Optional<String> source = XhtmlBody.webUrl(Bylines.oneLine(article.url()));
        source.ifPresent(url -> h.append("<p>Source: <a href=\"").append(Xml.escape(url)).append("\">")
                .append(Xml.escape(url)).append("</a></p>"));
        return h.append("</header>").toString();
    }

    private static String xhtml(String title, String language, String head, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\""
                + Xml.escape(language) + "\" lang=\"" + Xml.escape(language) + "\">\n<head><meta charset=\"UTF-8\"/><title>"
                + Xml.escape(title) + "</title>" + head + "</head>\n<body>" + body + "</body>\n</html>\n";
    }

    /** The package document; {@code cover} is the path of the lead image, if captured, which reading systems show as the cover. */
    private static String packageDocument(Article article, String title, String language, List<ImageFiles.ImageFile> images,
                                          String cover, Instant made) {
        String modified = made.toString();
        String url = Bylines.oneLine(article.url());
        StringBuilder opf = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"id\">\n")
                .append("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("<dc:identifier id=\"id\">urn:uuid:")
                .append(UUID.nameUUIDFromBytes((url + " " + modified).getBytes(StandardCharsets.UTF_8))).append("</dc:identifier>\n");
        element(opf, "dc:title", title);
        element(opf, "dc:language", language);
        for (String author : article.authors()) {
            element(opf, "dc:creator", Bylines.oneLine(author));
        }
        date(article.published()).ifPresent(d -> element(opf, "dc:date", d));
        element(opf, "dc:publisher", Bylines.oneLine(article.siteName()));
        element(opf, "dc:description", Bylines.oneLine(article.description()));
        XhtmlBody.webUrl(url).ifPresent(u -> element(opf, "dc:source", u));
        opf.append("<meta property=\"dcterms:modified\">").append(modified).append("</meta>\n</metadata>\n<manifest>\n")
                .append("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n")
                .append("<item id=\"article\" href=\"article.xhtml\" media-type=\"application/xhtml+xml\"/>\n")
                .append("<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n");
        for (int i = 0; i < images.size(); i++) {
            opf.append("<item id=\"image").append(i + 1).append("\" href=\"").append(images.get(i).path())
                    .append("\" media-type=\"").append(images.get(i).type().mediaType)
                    .append(images.get(i).path().equals(cover) ? "\" properties=\"cover-image\"/>\n" : "\"/>\n");
        }
        return opf.append("</manifest>\n<spine><itemref idref=\"article\"/></spine>\n</package>\n").toString();
    }

    private static void element(StringBuilder opf, String name, String value) {
        if (!value.isEmpty()) {
            opf.append('<').append(name).append('>').append(Xml.escape(value)).append("</").append(name).append(">\n");
        }
    }

    /** An ISO-8601 date as the W3C date format EPUB asks for: a date, or a UTC date-time; empty when unreadable. */
    static Optional<String> date(String iso) {
        String d = Bylines.oneLine(iso);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(d).toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
        } catch (DateTimeParseException e) {
            // no offset, or no time
        }
        try {
            return Optional.of(LocalDateTime.parse(d).toLocalDate().toString());
        } catch (DateTimeParseException e) {
            // no time
        }
        try {
            LocalDate date = LocalDate.parse(d);
            return date.getYear() >= 1 && date.getYear() <= 9999 ? Optional.of(date.toString()) : Optional.empty();
        } catch (DateTimeParseException e) {
            return d.matches("[0-9]{4}(-(0[1-9]|1[0-2]))?") ? Optional.of(d) : Optional.empty();
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes, Instant when) throws IOException {
        ZipEntry entry = entry(name, when);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, String text, Instant when) throws IOException {
        zip.putNextEntry(entry(name, when));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static ZipEntry entry(String name, Instant when) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(LocalDateTime.ofInstant(when, ZoneOffset.UTC));
        return entry;
    }
}
