package dev.arca.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Saved pages, from a file or a stream such as stdin: for {@code arca fetch saved.html --url
 * https://original/url} and {@code arca extract}. Each is read within {@code --max-size}, never
 * further, and a web archive (WARC, ARC, WACZ) is refused rather than taken for a page.
 */
public final class LocalFile {

    private LocalFile() {
    }

    /**
     * Reads {@code file} as the capture of {@code url}; when {@code url} is null the file's own
     * {@code file:} URI stands in. There is no HTTP exchange; the bundle stores the file's bytes as
     * a resource record.
     */
    public static Capture read(Path file, URI url, long maxSize) throws FetchException {
        byte[] body = page(file, maxSize);
        URI target = url != null ? url : file.toAbsolutePath().normalize().toUri();
        return new Capture(target, target, Instant.now(), List.of(), mediaType(file, body), null, body);
    }

    /** The bytes of the saved page {@code file}, at most {@code maxSize} of them. */
    public static byte[] page(Path file, long maxSize) throws FetchException {
        try {
            if (Files.isDirectory(file)) {
                throw new FetchException(FetchException.Reason.FILE, file + " is a directory");
            }
            if (Files.isRegularFile(file) && Files.size(file) > maxSize) {
                throw tooLarge(file.toString(), maxSize); // said at once, not after reading gigabytes
            }
            try (InputStream in = Files.newInputStream(file)) {
                return page(in, file.toString(), file.getFileName().toString(), maxSize);
            }
        } catch (NoSuchFileException e) {
            throw new FetchException(FetchException.Reason.FILE, "no such file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new FetchException(FetchException.Reason.FILE, "cannot read " + file + ": permission denied", e);
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException(FetchException.Reason.FILE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bytes of a saved page read from {@code in}, at most {@code maxSize} of them.
     *
     * @param what     how to name the source in messages, such as "stdin"
     * @param fileName the file's name when it has one, or null
     */
    public static byte[] page(InputStream in, String what, String fileName, long maxSize) throws IOException {
        byte[] head = in.readNBytes((int) Math.min(WebArchives.HEAD, maxSize + 1));
        Optional<String> archive = WebArchives.kind(head, fileName);
        if (archive.isPresent()) {
            throw new FetchException(FetchException.Reason.FILE, what + " is " + archive.get()
                    + ", not a saved web page; a web archive is imported (arca import), not taken as a page");
        }
        byte[] rest = in.readNBytes((int) Math.min(maxSize + 1 - head.length, Integer.MAX_VALUE - 16 - head.length));
        if (head.length + (long) rest.length > maxSize) {
            throw tooLarge(what, maxSize);
        }
        byte[] body = new byte[head.length + rest.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(rest, 0, body, head.length, rest.length);
        return body;
    }

    private static FetchException tooLarge(String what, long maxSize) {
        return new FetchException(FetchException.Reason.TOO_LARGE, what + " is larger than "
                + FetchException.SIZE_LIMIT + " (" + Sizes.human(maxSize) + ")", FetchException.Setting.MAX_SIZE, null);
    }

    private static String mediaType(Path file, byte[] body) {
        String byName = MediaTypes.forFileName(file.getFileName().toString());
        if (byName != null) {
            return byName;
        }
        if (body.length >= 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
            return "application/pdf";
        }
        return "text/html";
    }
}
