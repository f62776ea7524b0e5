package dev.arca.testing;

/** Pages that need a browser, for the browser tests: an app that fetches its story as JSON. */
public final class BrowserPages {

    public static final String APP = """
            <!doctype html><html><head><title>Shell</title></head><body><div id="root">Loading…</div>
            <script>fetch('/api/story.json').then(r => r.json()).then(s => {
              document.title = s.title;
              document.getElementById('root').innerHTML = '<article><h1>' + s.title + '</h1><p>' + s.body + '</p></article>';
            });</script></body></html>""";
    public static final String STORY = "{\"title\":\"The harbour reopens\",\"body\":\"After three years of works the old harbour opened again to boats on Monday. The first to come in was a fishing boat from the north, followed by two sailing yachts and the ferry, which will call twice a day from now on. The quays were rebuilt in stone and the lighthouse was repainted.\"}";
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private BrowserPages() {
    }
}
