package dev.arca.testing;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The WARC records inside a bundle, read with jwarc, for assertions. */
public final class WarcContents {

    /**
     * One record: its type, target, WARC headers, for responses the HTTP headers and raw body, and
     * its whole block as stored (for requests and responses, the HTTP message).
     */
    public record Rec(String type, String target, Map<String, List<String>> headers,
                      Map<String, List<String>> httpHeaders, int status, byte[] payload, byte[] block) {

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
                byte[] block = r.body().stream().readAllBytes();
                if (r instanceof WarcResponse) {
                    HttpResponse http = HttpResponse.parse(Channels.newChannel(new ByteArrayInputStream(block)));
                    out.add(new Rec(r.type(), target, r.headers().map(), http.headers().map(), http.status(),
                            http.body().stream().readAllBytes(), block));
                } else {
                    out.add(new Rec(r.type(), target, r.headers().map(), Map.of(), 0, block, block));
                }
            }
        }
        return out;
    }

    public static List<Rec> ofType(Path bundle, String type) throws IOException {
        return read(bundle).stream().filter(r -> r.type().equals(type)).toList();
    }
}
