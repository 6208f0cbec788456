package dev.newsmon.processor.tagging;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The record of {@code news.rules}: a whole rules file and its version. The file travels as text, not as parsed
 * rules, so that the processor checks it with the same loader as a file on disk.
 *
 * @param version the rules' version, as {@link RulesLoader} reads it from the file
 * @param yaml    the rules file
 */
public record RulesMessage(String version, String yaml) {
    /** The one key of the topic: compaction keeps only the latest rules. */
    public static final String KEY = "rules";

    public RulesMessage {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(yaml, "yaml");
    }

    /** @throws RulesException when the text is not a valid rules file */
    public Rules parse() throws RulesException {
        return RulesLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "news.rules version " + version);
    }
}
