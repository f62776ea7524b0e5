package dev.arca.testing;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The WARC records inside a bundle, read with jwarc, for assertions. */
public final class WarcContents {

    /** One record: its type, target, WARC headers, and for responses the HTTP headers and raw body. */
    public record Rec(String type, String target, Map<String, List<String>> headers,
                      Map<String, List<String>> httpHeaders, int status, byte[] payload) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String httpHeader(String name) {
            return httpHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private WarcContents() {
    }

    public static List<Rec> read(Path bundle) throws IOException {
        List<Rec> out = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get();
             InputStream in = zip.getInputStream(zip.getEntry("archive/data.warc.gz"));
             WarcReader reader = new WarcReader(in)) {
            for (WarcRecord r : reader) {
                String target = r instanceof WarcTargetRecord t ? t.target() : null;
                if (r instanceof WarcResponse resp) {
                    var http = resp.http();
                    out.add(new Rec(r.type(), target, r.headers().map(), http.headers().map(), http.status(),
                            http.body().stream().readAllBytes()));
                } else {
                    out.add(new Rec(r.type(), target, r.headers().map(), Map.of(), 0, r.body().stream().readAllBytes()));
                }
            }
        }
        return out;
    }

    public static List<Rec> ofType(Path bundle, String type) throws IOException {
        return read(bundle).stream().filter(r -> r.type().equals(type)).toList();
    }
}
