package dev.newsmon.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Undoes a Content-Encoding, with the decoded size capped as well: a small gzip can expand enormously. */
final class ContentDecoder {
    private ContentDecoder() {
    }

    static byte[] decode(byte[] raw, String contentEncoding, long cap) throws IOException {
        String enc = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        switch (enc) {
            case "", "identity" -> {
                return raw;
            }
            case "gzip", "x-gzip" -> {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    return BoundedRead.readAll(in, cap);
                }
            }
            case "deflate" -> {
                // "deflate" should be zlib-wrapped, but some servers send a raw deflate stream.
                Inflater inflater = new Inflater(!hasZlibHeader(raw));
                try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(raw), inflater)) {
                    return BoundedRead.readAll(in, cap);
                } finally {
                    inflater.end();
                }
            }
            default -> throw new IOException("unsupported Content-Encoding " + contentEncoding);
        }
    }

    private static boolean hasZlibHeader(byte[] b) {
        return b.length >= 2 && (b[0] & 0x0f) == 8 && (((b[0] & 0xff) << 8) | (b[1] & 0xff)) % 31 == 0;
    }
}
