package dev.arca.render;

import dev.arca.bundle.Digests;

import java.util.ArrayList;
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
            String name = directory + Digests.sha256(image.bytes()).substring("sha256:".length(), "sha256:".length() + 16)
                    + "." + image.type().extension;
            byPath.computeIfAbsent(name, n -> new ImageFile(n, image.bytes(), image.type()));
            return name;
        });
    }

    /** The files linked so far, in the order first linked. */
    List<ImageFile> files() {
        return new ArrayList<>(byPath.values());
    }
}
