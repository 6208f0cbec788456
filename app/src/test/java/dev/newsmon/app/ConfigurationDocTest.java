package dev.newsmon.app;

import dev.newsmon.common.config.ConfigReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/configuration.md is the configuration reference users read: it lists every key exactly as the code has it. */
class ConfigurationDocTest {
    @Test
    void theConfigurationReferenceIsTheOneTheCodeRenders() throws Exception {
        String doc = Files.readString(Path.of("../docs/configuration.md"));
        assertTrue(doc.contains(ConfigReference.markdown()),
                "docs/configuration.md must contain this table verbatim (./newsmon config prints it):\n"
                        + ConfigReference.markdown());
    }
}
