package dev.newsmon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test feeds under src/test/resources/feeds. */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] feed(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test feed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path feedPath(String name) {
        URL url = Fixtures.class.getResource("/feeds/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test feed " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
