package dev.arca.render;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.WriterReportImpl;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The W3C's epubcheck, run in-process on a book's bytes. */
public final class Epubcheck {

    private Epubcheck() {
    }

    /** epubcheck's report on {@code epub}: "" when it finds no fatal error, no error and no warning. */
    public static String problems(byte[] epub) {
        StringWriter text = new StringWriter();
        WriterReportImpl report = new WriterReportImpl(new PrintWriter(text), "article.epub", true);
        new EpubCheck(new ByteArrayInputStream(epub), report, "article.epub").doValidate();
        boolean clean = report.getFatalErrorCount() == 0 && report.getErrorCount() == 0 && report.getWarningCount() == 0;
        return clean ? "" : text.toString();
    }
}
