package dev.arca.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Captures a page saved on disk, for {@code arca fetch saved.html --url https://original/url}.
 * There is no HTTP exchange; the bundle stores the file's bytes as a resource record.
 */
public final class LocalFile {

    private LocalFile() {
    }

    /**
     * Reads {@code file} as the capture of {@code url}; when {@code url} is null the file's own
     * {@code file:} URI stands in.
     */
    public static Capture read(Path file, URI url, long maxSize) throws FetchException {
        try {
            if (Files.isDirectory(file)) {
                throw new FetchException(FetchException.Reason.FILE, file + " is a directory");
            }
            long size = Files.size(file);
            if (size > maxSize) {
                throw new FetchException(FetchException.Reason.TOO_LARGE, file + " is " + Sizes.human(size)
                        + ", more than --max-size (" + Sizes.human(maxSize) + ")");
            }
            byte[] body = Files.readAllBytes(file);
            URI target = url != null ? url : file.toAbsolutePath().normalize().toUri();
            String mediaType = mediaType(file, body);
            return new Capture(target, target, Instant.now(), List.of(), mediaType, null, body);
        } catch (NoSuchFileException e) {
            throw new FetchException(FetchException.Reason.FILE, "no such file: " + file, e);
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException(FetchException.Reason.FILE, "cannot read " + file + ": " + e.getMessage(), e);
        }
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
