package dev.arca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the AsciiDoc source of every man page from the picocli model: picocli-codegen's page,
 * plus the ENVIRONMENT, FILES and SEE ALSO sections every arca page shares. {@code mvn -Pman
 * process-test-classes} runs {@link #main} and turns the result into {@code man/*.1}.
 */
public final class ManPages {

    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> page : sources().entrySet()) {
            Files.writeString(dir.resolve(page.getKey() + ".adoc"), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Page name (e.g. "arca-fetch") to its AsciiDoc source, for the root command and each subcommand. */
    static Map<String, String> sources() {
        PrintStream sink = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Console console = new Console(sink, sink, java.io.InputStream.nullInputStream(), Map.of(), Path.of("/"), false);
        CommandLine root = Subcommands.addAll(new CommandLine(new ArcaCommand(console)));
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(root.getCommandSpec());
        for (CommandLine command : root.getSubcommands().values()) {
            specs.add(command.getCommandSpec());
            command.getSubcommands().values().forEach(c -> specs.add(c.getCommandSpec())); // key create, key show
        }
        Map<String, String> pages = new LinkedHashMap<>();
        for (CommandSpec spec : specs) {
            StringWriter adoc = new StringWriter();
            try (PrintWriter pw = new PrintWriter(adoc)) {
                ManPageGenerator.writeSingleManPage(pw, spec);
            }
            String name = spec.qualifiedName("-");
            // headings such as "%nExamples%n" keep a blank line in --help, and a stray space in AsciiDoc
            String page = adoc.toString().replace("\r\n", "\n").replace("\n==  ", "\n== ");
            pages.put(name, page + sharedSections(name, specs));
        }
        return pages;
    }

    private static String sharedSections(String self, List<CommandSpec> specs) {
        StringBuilder see = new StringBuilder();
        for (CommandSpec spec : specs) {
            String name = spec.qualifiedName("-");
            if (!name.equals(self)) {
                see.append(see.length() == 0 ? "" : ", ").append("*").append(name).append("*(1)");
            }
        }
        return """
                == Environment

                *ARCA_STORE*::
                The store directory, when *--store* is not given.

                *XDG_DATA_HOME*::
                When neither *--store*, *ARCA_STORE* nor the config file's _store_ is set, the store is \
                _$XDG_DATA_HOME/arca_, or _~/.local/share/arca_ when *XDG_DATA_HOME* is unset.

                *XDG_CONFIG_HOME*::
                The config file is _$XDG_CONFIG_HOME/arca/config.properties_, \
                or _~/.config/arca/config.properties_ when *XDG_CONFIG_HOME* is unset.

                *HOME*::
                The user's home directory, for the defaults above.

                *JAVA_OPTS*::
                Extra options for the Java virtual machine, read by the *bin/arca* launcher.

                == Files

                _~/.config/arca/config.properties_::
                Defaults for any option: _option=value_ for every command that has the option, \
                _command.option=value_ for one command, _store=DIR_ for the store. \
                Options on the command line win; *arca config* shows what is in effect. \
                An unknown key, a bad value or a file that cannot be read stops every command with exit status 2.

                _~/.config/arca/signing-key.pem_::
                The key that signs bundles (*arca key create*, *arca fetch --sign*, *arca sign*): an ECDSA P-384 \
                key pair in PEM, readable by its owner only, kept outside the store (under _$XDG_CONFIG_HOME/arca_ when it is set).

                _STORE/YYYY/MM/ID.wacz_::
                One capture: a WACZ 1.1.1 bundle holding the WARC/1.1 records of every HTTP exchange, \
                a CDXJ index, the page list, the extracted article (_article/article.json_) \
                and the capture facts (_article/capture.json_).

                _STORE/YYYY/MM/.ID.wacz.tmp_::
                A bundle being written; it is renamed into place only once complete.

                == See also

                """ + see + "\n";
    }
}
