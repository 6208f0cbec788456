package dev.newsmon.ingest.parse;

import java.net.URI;

/** Resolution of possibly relative references; a reference that is not a valid URI is kept as given. */
final class Links {
    private Links() {
    }

    static String resolve(String link, String base) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String l = link.strip();
        try {
            URI uri = new URI(l);
            return uri.isAbsolute() || base == null ? l : new URI(base).resolve(uri).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException ex) {
            return l;
        }
    }
}
