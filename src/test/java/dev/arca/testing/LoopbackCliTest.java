package dev.arca.testing;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The fixture that the fetch tests share: a temporary home with its store, the real CLI over it, and
 * a loopback server of their own that closes after each test.
 */
public abstract class LoopbackCliTest {

    @TempDir
    protected Path home;

    @AutoClose
    protected final LoopbackServer server = new LoopbackServer();

    protected Cli cli;

    @BeforeEach
    protected final void cliInHome() {
        cli = new Cli(home);
    }
}
