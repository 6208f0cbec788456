package dev.newsmon.bench.workload;

/** What the bench's feed server serves: a number of feeds, each a document that may change between requests. */
public interface ServedFeeds {
    int feeds();

    /** The feed's document as it is now. */
    Document document(int feed);

    /** Called once the document was sent in full, with the time it was. */
    void sent(int feed, Document document, long epochMillis);

    /** A feed's document and its version, which the server answers as ETag and compares with If-None-Match. */
    record Document(String etag, String xml) {
    }
}
