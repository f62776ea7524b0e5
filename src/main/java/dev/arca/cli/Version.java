package dev.arca.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** arca's version and project URL, filled in by the build, and the User-Agent made from them. */
public final class Version implements CommandLine.IVersionProvider {

    private static final Properties PROPERTIES = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static String number() {
        return PROPERTIES.getProperty("version", "dev");
    }

    public static String projectUrl() {
        return PROPERTIES.getProperty("url", "https://github.com/arca-archiver/arca");
    }

    /** "arca 0.1.0", as recorded in bundles. */
    public static String software() {
        return "arca " + number();
    }

    /** The default User-Agent: {@code arca/<version> (+<project URL>)}. */
    public static String userAgent() {
        return "arca/" + number() + " (+" + projectUrl() + ")";
    }

    @Override
    public String[] getVersion() {
        return new String[]{software()};
    }
}
