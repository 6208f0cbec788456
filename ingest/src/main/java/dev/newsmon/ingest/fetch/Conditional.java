package dev.newsmon.ingest.fetch;

/**
 * The validators of a previous fetch, sent back so that an unchanged feed costs a 304 instead of a body.
 *
 * @param etag         the ETag the server sent, or null
 * @param lastModified the Last-Modified the server sent, verbatim, or null
 */
public record Conditional(String etag, String lastModified) {
    /** No previous fetch: an unconditional GET. */
    public static final Conditional NONE = new Conditional(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
