package dev.newsmon.processor.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Story ids derive from the first item's id, so a replay after a crash names the story the same way. */
public final class StoryIds {
    private StoryIds() {
    }

    public static String of(String firstItemId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(firstItemId.getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
