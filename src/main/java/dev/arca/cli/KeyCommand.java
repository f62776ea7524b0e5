package dev.arca.cli;

import dev.arca.bundle.KeyFileException;
import dev.arca.bundle.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code arca key}: the local key that signs bundles. */
@Command(name = "key",
        description = {"Manage the key that signs bundles (see 'arca sign' and 'arca fetch --sign').",
                "The key is an ECDSA P-384 key pair in one PEM file, readable by its owner only, kept outside the store."},
        subcommands = {KeyCommand.Create.class, KeyCommand.Show.class},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {"0:Done.", "1:The key could not be made or read (see the subcommand).", "2:Usage error, such as no subcommand."},
        footerHeading = "%nExamples%n",
        footer = {"  arca key create", "  arca key show --json"},
        mixinStandardHelpOptions = true)
final class KeyCommand implements Runnable {

    @ParentCommand
    ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw Usage.error(spec, "a subcommand is required: create or show (see 'arca key --help')");
    }

    /** The options of both subcommands: which key file, and how to print its fingerprint. */
    static final class KeyFile {

        @Option(names = "--key", paramLabel = "FILE",
                description = "The key file (default: $XDG_CONFIG_HOME/arca/" + SigningOptions.DEFAULT_NAME
                        + ", else ~/.config/arca/" + SigningOptions.DEFAULT_NAME + ").")
        Path key;

        @Option(names = "--json", description = "Print {\"key\", \"fingerprint\"} instead of a line.")
        boolean json;
    }

    /** Prints a key's fingerprint, as a line or as JSON. */
    private static void print(ArcaCommand arca, boolean json, Path file, SigningKey key) {
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("key", file.toAbsolutePath().toString());
            line.put("fingerprint", key.fingerprint());
            arca.console().out().println(Json.line(line));
        } else {
            arca.console().out().println(key.fingerprint() + "\t" + Columns.clean(file.toAbsolutePath().toString()));
        }
    }

    /** {@code arca key create}. */
    @Command(name = "create",
            description = {"Make a new signing key: an ECDSA P-384 key pair, written atomically with mode 0600 "
                    + "in a directory of mode 0700. An existing key is never replaced, and the key may not be inside the store.",
                    "Prints the key's fingerprint (sha256: of its public key) and its path. Give the fingerprint to whoever "
                            + "should check your captures, through a channel you trust."},
            exitCodeListHeading = "%nExit status%n",
            exitCodeList = {
                    "0:The key was made.",
                    "1:The file exists, is inside the store or behind a symbolic link, or cannot be written.",
                    "2:Usage error."},
            footerHeading = "%nExamples%n",
            footer = {"  arca key create", "  arca key create --key ~/keys/archive.pem"},
            mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {

        @ParentCommand
        private KeyCommand parent;

        @Mixin
        private KeyFile file;

        @Override
        public Integer call() throws IOException {
            ArcaCommand arca = parent.arca;
            Path path = SigningOptions.keyFile(file.key, arca.console()).toAbsolutePath().normalize();
            Path store = arca.storeLocation().path().toAbsolutePath().normalize();
            if (inside(path, store)) {
                throw new KeyFileException(path + " is inside the store " + store
                        + "; keep the key elsewhere, so that copies of the store do not carry it");
            }
            SigningKey created = SigningKey.create(path);
            print(arca, file.json, path, created);
            arca.note("created the signing key " + path + " (readable by you only); it is never replaced");
            return ExitCodes.OK;
        }

        private static boolean inside(Path file, Path store) throws IOException {
            if (file.startsWith(store)) {
                return true;
            }
            Path dir = file.getParent();
            while (dir != null && !Files.exists(dir)) {
                dir = dir.getParent();
            }
            return dir != null && Files.exists(store) && dir.toRealPath().startsWith(store.toRealPath());
        }
    }

    /** {@code arca key show}. */
    @Command(name = "show",
            description = "Print the signing key's fingerprint and path, after checking that only its owner can read it.",
            exitCodeListHeading = "%nExit status%n",
            exitCodeList = {"0:The key is there and sound.", "1:It is missing, unsafe or not a key.", "2:Usage error."},
            footerHeading = "%nExamples%n",
            footer = {"  arca key show", "  arca key show --key ~/keys/archive.pem --json"},
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {

        @ParentCommand
        private KeyCommand parent;

        @Mixin
        private KeyFile file;

        @Override
        public Integer call() throws IOException {
            ArcaCommand arca = parent.arca;
            Path path = SigningOptions.keyFile(file.key, arca.console());
            print(arca, file.json, path, SigningKey.load(path));
            return ExitCodes.OK;
        }
    }
}
