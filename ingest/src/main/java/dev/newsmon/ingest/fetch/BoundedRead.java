package dev.newsmon.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream to its end, or stops with {@link BodyTooLargeException} as soon as it passes the cap. */
final class BoundedRead {
    private static final int CHUNK = 8192;

    private BoundedRead() {
    }

    static byte[] readAll(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > cap) {
                throw new BodyTooLargeException(cap);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
