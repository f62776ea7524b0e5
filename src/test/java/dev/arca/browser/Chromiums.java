package dev.arca.browser;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/** The Chromium that browser tests run: they skip without one, unless CI says it must be there. */
public final class Chromiums {

    private Chromiums() {
    }

    /** The browser's path; skips the test when there is none, fails it when ARCA_REQUIRE_CHROMIUM=1. */
    public static Path required() {
        var found = Chromium.find(System.getenv());
        if (found.isEmpty() && "1".equals(System.getenv("ARCA_REQUIRE_CHROMIUM"))) {
            fail("ARCA_REQUIRE_CHROMIUM=1 but there is no Chromium at " + Chromium.DEBIAN + "; " + Chromium.INSTALL_HINT);
        }
        Assumptions.assumeTrue(found.isPresent(), "no Chromium at " + Chromium.DEBIAN);
        return found.get();
    }
}
