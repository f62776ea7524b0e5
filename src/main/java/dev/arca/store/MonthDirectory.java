package dev.arca.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code <yyyy>/<mm>} directory of the store. Its own modification time changes whenever a
 * bundle is added, removed or renamed in it, which is what makes a derived index's staleness check
 * cheap: only a directory whose time moved needs listing again.
 *
 * @param name "yyyy/mm"
 * @param path the directory
 */
public record MonthDirectory(String name, Path path) {

    /** Modification times closer than this to "now" may not change again when the directory does. */
    private static final long RACY_MICROS = TimeUnit.SECONDS.toMicros(2);

    /** The directory's modification time in microseconds, or -1 if it is gone. */
    public long mtime() throws IOException {
        try {
            return Files.getLastModifiedTime(path).to(TimeUnit.MICROSECONDS);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /**
     * Lists the bundles with their sizes and times. The directory time is taken first, so that a
     * later change is sure to move it; a time too recent to be trusted that way is recorded as
     * unknown (-1), which makes the next check list the directory again.
     */
    public Listing list() throws IOException {
        long dirMtime = mtime();
        long now = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        List<BundleFile> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
            for (Path file : stream) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(Store.SUFFIX)) {
                    continue;
                }
                String id = fileName.substring(0, fileName.length() - Store.SUFFIX.length());
                if (!CaptureIds.isId(id)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // removed while we looked
                }
                if (attributes.isRegularFile()) {
                    files.add(new BundleFile(name, id, attributes.size(),
                            attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS)));
                }
            }
        } catch (NoSuchFileException e) {
            return new Listing(this, -1, List.of());
        }
        boolean racy = dirMtime < 0 || now - dirMtime < RACY_MICROS;
        return new Listing(this, racy ? -1 : dirMtime, files);
    }

    /**
     * What a month directory held at one moment.
     *
     * @param dirMtime the directory's time before listing, or -1 when it cannot vouch for the listing
     * @param files    its bundles, in directory order
     */
    public record Listing(MonthDirectory month, long dirMtime, List<BundleFile> files) {

        public Listing {
            files = List.copyOf(files);
        }
    }
}
