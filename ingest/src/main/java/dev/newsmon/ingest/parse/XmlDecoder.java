package dev.newsmon.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed body into text in the charset RFC 7303 (XML media types, section 3.2) gives it: a byte order mark
 * first, then the {@code charset} parameter of the HTTP Content-Type, then the XML declaration's {@code encoding},
 * else UTF-8 (or the UTF-16/32 the first bytes show).
 *
 * <p>Servers often declare a charset the bytes are not in. A header charset is passed over for the declaration when it
 * cannot be right: it is unknown here, it is of another width than the bytes (UTF-16 against bytes that are ASCII, or
 * the reverse), or the bytes are malformed in it. The last is looked at only when the decoded text holds a U+FFFD,
 * so a body that decodes cleanly costs one decode and nothing more.
 *
 * <p>Bytes malformed in the charset finally chosen make the body ill-formed XML: they are decoded all the same, each
 * bad sequence as U+FFFD, and said to be so. When nothing names a charset and the bytes are not UTF-8, mostly
 * Cyrillic letters are read as windows-1251 or KOI8-R, whichever gives more small letters than capitals.
 */
final class XmlDecoder {
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Pattern ENCODING = Pattern.compile("^\\s*<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z][\\w.:-]*)[\"']");
    /** Enough of the start to hold leading blank lines and an XML declaration. */
    private static final int PROLOG_BYTES = 1024;
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final char REPLACEMENT = '\uFFFD';

    private XmlDecoder() {
    }

    /** A body as text; {@code wellFormed} is false when its bytes are malformed in its charset. */
    record Decoded(String text, boolean wellFormed) {
    }

    /** The body as text, without its byte order mark. */
    static Decoded decode(byte[] body, String contentType) {
        Bom bom = Bom.of(body);
        if (bom != null) {
            String text = new String(body, bom.length(), body.length - bom.length(), bom.charset());
            return new Decoded(text,
                    clean(text, ByteBuffer.wrap(body, bom.length(), body.length - bom.length()), bom.charset()));
        }
        Charset width = width(body);
        Charset header = headerCharset(contentType);
        if (header != null && sameWidth(header, width)) {
            Charset chosen = isUtf16(header) && isUtf16(width) ? width : header;
            String text = new String(body, chosen);
            if (clean(text, ByteBuffer.wrap(body), chosen)) {
                return new Decoded(text, true);
            }
        }
        String name = declaredName(body, width);
        Charset named = name == null ? null : charset(name);
        Charset declared = named == null || !sameWidth(named, width) ? null : isUtf16(named) ? width : named;
        Charset chosen = declared != null ? declared : width;
        String text = new String(body, chosen);
        if (clean(text, ByteBuffer.wrap(body), chosen)) {
            // An encoding the declaration names but no one knows is a fatal error to an XML parser.
            return new Decoded(text, name == null || named != null);
        }
        Charset cyrillic = declared == null && chosen == StandardCharsets.UTF_8 ? Cyrillic.guess(body) : null;
        return new Decoded(cyrillic == null ? text : new String(body, cyrillic), false);
    }

    /** The charset of the Content-Type's {@code charset} parameter, or null if it has none Java knows. */
    private static Charset headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET_PARAM.matcher(contentType);
        return m.find() ? charset(m.group(1)) : null;
    }

    /**
     * The encoding the XML declaration names, or null if there is none. A charset of another width than the bytes
     * show is not theirs, and "UTF-16" names no byte order: the caller takes the bytes' width then.
     */
    private static String declaredName(byte[] body, Charset width) {
        int n = Math.min(body.length, PROLOG_BYTES);
        Matcher m = ENCODING.matcher(new String(body, 0, n, width));
        return m.find() ? m.group(1) : null;
    }

    /**
     * What the first bytes show of the character width, as XML 1.0 appendix F reads it: a {@code <} or a blank as
     * a single byte beside zero bytes. UTF-8 stands for every charset ASCII is a part of.
     */
    private static Charset width(byte[] b) {
        if (b.length < 4) {
            return StandardCharsets.UTF_8;
        }
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
            return UTF_32BE;
        }
        if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return UTF_32LE;
        }
        if (b[0] == 0 && b[1] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (b[0] != 0 && b[1] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean sameWidth(Charset a, Charset b) {
        return isUtf16(a) == isUtf16(b) && isUtf32(a) == isUtf32(b);
    }

    private static boolean isUtf16(Charset c) {
        return c.name().startsWith("UTF-16") || c.name().startsWith("x-UTF-16");
    }

    private static boolean isUtf32(Charset c) {
        return c.name().startsWith("UTF-32") || c.name().startsWith("X-UTF-32");
    }

    /** Whether the bytes are well-formed in the charset that decoded them to the text; looked at only on a U+FFFD. */
    private static boolean clean(String text, ByteBuffer bytes, Charset charset) {
        if (text.indexOf(REPLACEMENT) < 0) {
            return true;
        }
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /**
     * Russian text in a single-byte charset: windows-1251 puts small letters at 0xE0-0xFF and capitals at 0xC0-0xDF,
     * KOI8-R the other way round, and running text has many more small letters than capitals. Text without both
     * (Hebrew in windows-1255 has no capitals) or of other high bytes (the multi-byte East Asian charsets) is none.
     */
    private static final class Cyrillic {
        private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
        private static final Charset KOI8_R = Charset.forName("KOI8-R");

        static Charset guess(byte[] body) {
            int high = 0;
            int c0 = 0;
            int e0 = 0;
            for (byte b : body) {
                int u = b & 0xFF;
                if (u >= 0x80) {
                    high++;
                    if (u >= 0xE0) {
                        e0++;
                    } else if (u >= 0xC0) {
                        c0++;
                    }
                }
            }
            int letters = c0 + e0;
            int capitals = Math.min(c0, e0);
            if (letters < high * 0.8 || capitals * 100 < letters || capitals * 100 > letters * 40) {
                return null;
            }
            return e0 > c0 ? WINDOWS_1251 : KOI8_R;
        }
    }

    /** A byte order mark: it names the charset whatever the header or the declaration say. */
    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
                return new Bom(UTF_32BE, 4);
            }
            if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
                return new Bom(UTF_32LE, 4);
            }
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            return null;
        }
    }
}
