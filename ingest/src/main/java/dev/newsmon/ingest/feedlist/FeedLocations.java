package dev.newsmon.ingest.feedlist;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a feed-list entry into an absolute URL, and names a feed whose list gave it no name. */
final class FeedLocations {
    // Two or more letters: a single letter before ':' is a Windows drive, hence a path.
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    private FeedLocations() {
    }

    /**
     * @param entry   an http(s) or file: URL, or a path (relative paths are taken from {@code baseDir})
     * @param baseDir the directory of the feed list
     * @return the absolute URL
     */
    static String resolve(String entry, Path baseDir) throws FeedListException {
        String e = entry.strip();
        if (e.isEmpty()) {
            throw new FeedListException("empty feed entry");
        }
        if (!SCHEME.matcher(e).find()) {
            try {
                return baseDir.resolve(e).toAbsolutePath().normalize().toUri().toString();
            } catch (InvalidPathException ex) {
                throw new FeedListException("'" + e + "' is neither a URL nor a valid path: " + ex.getMessage(), ex);
            }
        }
        URI uri;
        try {
            uri = new URI(e);
        } catch (URISyntaxException ex) {
            throw new FeedListException("'" + e + "' is not a valid URL: " + ex.getMessage(), ex);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new FeedListException("'" + e + "' has no host");
                }
            }
            case "file" -> {
                if (uri.getPath() == null) {
                    throw new FeedListException("'" + e + "' is not a hierarchical file: URL");
                }
            }
            default -> throw new FeedListException("'" + e + "' has unsupported scheme " + scheme
                    + " (only http, https and file are polled)");
        }
        return uri.toString();
    }

    /** The host of an http(s) URL, or the file name of a file: URL. */
    public static String defaultName(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() != null) {
            return uri.getHost().toLowerCase(Locale.ROOT);
        }
        Path file = Path.of(uri).getFileName();
        return file == null ? url : file.toString();
    }
}
