package dev.newsmon.app.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files shipped with newsmon (config/rules.yaml) are found, wherever {@code ./newsmon} is run from. */
final class ShippedFiles {
    private ShippedFiles() {
    }

    /**
     * {@code path}, or, when it is relative and does not exist from the working directory, the same path in
     * newsmon's home (the system property {@code newsmon.home} that the launcher sets).
     */
    static Path resolve(Path path) {
        String home = System.getProperty("newsmon.home");
        if (path.isAbsolute() || Files.exists(path) || home == null) {
            return path;
        }
        return Path.of(home).resolve(path);
    }
}
