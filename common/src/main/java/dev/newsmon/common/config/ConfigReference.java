package dev.newsmon.common.config;

import java.util.Locale;
import java.util.stream.Collectors;

/** Renders {@link Settings#ALL} as the Markdown table of docs/configuration.md, so the documentation cannot drift. */
public final class ConfigReference {
    private ConfigReference() {
    }

    public static String markdown() {
        String header = "| key | environment variable | type | default | meaning |\n|---|---|---|---|---|\n";
        return header + Settings.ALL.stream()
                .map(s -> "| `" + s.key() + "` | `" + s.envName() + "` | " + s.type().name().toLowerCase(Locale.ROOT)
                        + " | " + (s.defaultValue().isEmpty() ? "(none)" : "`" + s.defaultValue() + "`") + " | "
                        + s.doc() + " |")
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
