package dev.arca.cli;

import dev.arca.bundle.BundleSigner;
import dev.arca.bundle.KeyFileException;
import dev.arca.bundle.SigningKey;
import dev.arca.bundle.TimestampAuthority;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The options that say how bundles are signed ({@code fetch --sign}, {@code sign}): the key and an
 * optional time-stamping authority. Shared so that the config file's {@code key=} and {@code tsa=}
 * mean the same for both.
 */
final class SigningOptions {

    /** The key file {@code arca key create} makes when no --key is given. */
    static final String DEFAULT_NAME = "signing-key.pem";

    /** How long a time-stamping authority may take to answer. */
    private static final Duration TSA_TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--key", paramLabel = "FILE",
            description = "The signing key (default: $XDG_CONFIG_HOME/arca/" + DEFAULT_NAME + ", else ~/.config/arca/"
                    + DEFAULT_NAME + "; make one with 'arca key create').")
    Path key;

    @Option(names = "--tsa", paramLabel = "URL",
            description = "Have this RFC 3161 time-stamping authority time-stamp each signature, which proves when it was made.")
    URI tsa;

    @Option(names = "--tsa-cert", paramLabel = "FILE",
            description = "Trust the CA certificates in FILE (PEM) for time-stamps, besides the JVM's trusted roots.")
    Path tsaCert;

    /** The key file: --key, else the default one in arca's configuration directory. */
    static Path keyFile(Path option, Console console) {
        return option != null ? option : ConfigFile.directory(console.env(), console.home()).resolve(DEFAULT_NAME);
    }

    /** A signer with the key and, with --tsa, the authority; a missing key says how to make one. */
    BundleSigner signer(CommandSpec spec, Console console) throws IOException {
        if (tsa != null && !"http".equals(tsa.getScheme()) && !"https".equals(tsa.getScheme())) {
            throw Usage.error(spec, "--tsa " + tsa + " is not an http or https URL");
        }
        Path file = keyFile(key, console);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyFileException("no signing key at " + file + "; make one with 'arca key create'"
                    + (key == null ? "" : " --key " + file));
        }
        SigningKey signingKey = SigningKey.load(file);
        TimestampAuthority authority = tsa == null ? null : new TimestampAuthority(tsa, roots(tsaCert), TSA_TIMEOUT);
        return new BundleSigner(signingKey, Version.software(), authority);
    }

    /** The roots that time-stamps must lead to: the JVM's, and those of {@code extra} when given. */
    static Collection<X509Certificate> roots(Path extra) throws IOException {
        List<X509Certificate> roots = new ArrayList<>(TimestampAuthority.systemRoots());
        if (extra != null) {
            roots.addAll(TimestampAuthority.readCertificates(extra));
        }
        return roots;
    }
}
