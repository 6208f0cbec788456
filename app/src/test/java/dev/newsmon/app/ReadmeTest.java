package dev.newsmon.app;

import dev.newsmon.common.config.ConfigReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README is the configuration reference users read: it must list every key exactly as the code has it. */
class ReadmeTest {
    @Test
    void theConfigurationReferenceIsTheOneTheCodeRenders() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains(ConfigReference.markdown()),
                "README.md must contain this table verbatim (regenerate it):\n" + ConfigReference.markdown());
    }
}
