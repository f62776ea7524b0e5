package dev.arca.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.arca.bundle.CaptureWarning;
import dev.arca.extract.Article;
import dev.arca.store.StoreEntry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bundle in the store together with its article and the warnings of its derived steps, as {@code show} shows it. */
record StoredCapture(StoreEntry entry, Article article, List<CaptureWarning> warnings) {

    /**
     * The metadata as a JSON object: id, captured, bundle, size, then every Article field but the
     * body, then the warnings (each {@code {"step", "message"}}).
     */
    Map<String, Object> metadata() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", entry.id());
        out.put("captured", entry.captured().toString());
        out.put("bundle", entry.bundle().toString());
        out.put("size", entry.size());
        Map<String, Object> fields = Json.mapper().convertValue(article, new TypeReference<Map<String, Object>>() { });
        fields.remove("text");
        fields.remove("html");
        out.putAll(fields);
        out.put("warnings", warnings);
        return out;
    }
}
