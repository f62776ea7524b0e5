package dev.arca.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * A diff as one JSON document on one line, in the schema documented in the package description
 * ({@code "schema": "arca-diff/1"}). Fields are always present, in that order; absent values are
 * {@code null}, absent lists empty.
 */
public final class JsonDiffRenderer {

    /** The schema's name and version; a change that breaks readers gets a new version. */
    public static final String SCHEMA = "arca-diff/1";

    private static final JsonFactory JSON = new JsonFactory();

    public String render(ArticleDiff diff, String beforeLabel, String afterLabel) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("before", PlainLine.of(beforeLabel));
            json.writeStringField("after", PlainLine.of(afterLabel));
            json.writeBooleanField("changed", !diff.isEmpty());
            ArticleDiff.Summary s = diff.summary();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("wordsAdded", s.wordsAdded());
            json.writeNumberField("wordsRemoved", s.wordsRemoved());
            json.writeNumberField("paragraphsAdded", s.paragraphsAdded());
            json.writeNumberField("paragraphsRemoved", s.paragraphsRemoved());
            json.writeNumberField("paragraphsChanged", s.paragraphsChanged());
            json.writeNumberField("paragraphsMoved", s.paragraphsMoved());
            json.writeEndObject();
            json.writeArrayFieldStart("fields");
            for (FieldChange field : diff.fields()) {
                json.writeStartObject();
                json.writeStringField("field", field.field().key());
                json.writeStringField("before", field.before());
                json.writeStringField("after", field.after());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("paragraphs");
            for (ParagraphChange change : diff.paragraphs()) {
                json.writeStartObject();
                json.writeStringField("kind", change.kind().name().toLowerCase(Locale.ROOT));
                json.writeNumberField("before", change.before());
                json.writeNumberField("after", change.after());
                json.writeStringField("beforeText", change.beforeText());
                json.writeStringField("afterText", change.afterText());
                json.writeArrayFieldStart("spans");
                for (Span span : change.spans()) {
                    json.writeStartObject();
                    json.writeStringField("op", span.op().name().toLowerCase(Locale.ROOT));
                    json.writeStringField("text", span.text());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text + "\n";
    }
}
