package dev.arca.render;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The captured images of an article as files beside it (a folder export, an EPUB), named by the
 * SHA-256 of their bytes and the extension of their format: a name no page can choose, that
 * cannot leave the directory, and that an image shown twice gets once.
 */
final class ImageFiles {

    /** One file: its path relative to the document that links it, and its content. */
    record ImageFile(String path, byte[] bytes, ImageType type) {
    }

    private final CapturedResources resources;
    private final String directory;
    private final Map<String, ImageFile> byPath = new LinkedHashMap<>();

    /** Images found in {@code resources}, placed under {@code directory} (e.g. "images/"). */
    ImageFiles(CapturedResources resources, String directory) {
        this.resources = resources;
        this.directory = directory;
    }

    /**
     * Links to the files, each image linked to the file of its first captured candidate (which
     * joins {@link #files()}), or to nothing when none was captured or {@code accepts} refuses its format.
     */
    ImageLinks links(java.util.function.Predicate<ImageType> accepts) {
        return img -> ImageLinks.captured(img, resources).filter(image -> accepts.test(image.type())).map(image -> {
            String name = directory + nameOf(image.bytes()) + "." + image.type().extension;
            byPath.computeIfAbsent(name, n -> new ImageFile(n, image.bytes(), image.type()));
            return name;
        });
    }

    /** The first 16 hex digits of the SHA-256 of {@code bytes}. */
    private static String nameOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The files linked so far, in the order first linked. */
    List<ImageFile> files() {
        return new ArrayList<>(byPath.values());
    }
}
