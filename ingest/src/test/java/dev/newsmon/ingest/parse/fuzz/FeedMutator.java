package dev.newsmon.ingest.parse.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Structure-aware mutations of a feed's bytes: each one breaks a feed the way a broken server, a truncated
 * download, a careless template or an attacker would. Pure functions of (bytes, random), so a seed replays a case.
 */
final class FeedMutator {
    /** Bound on the nesting a mutation adds: deep enough to matter, shallow enough to stay a test of the parser. */
    static final int MAX_DEPTH = 2_000;
    static final int HUGE_ATTRIBUTE_CHARS = 64 * 1024;

    private static final List<String> ENTITIES = List.of("&amp;", "&", "&nbsp;", "&undefined;", "&#0;", "&#x0;",
            "&#xD800;", "&#x110000;", "&#99999999999;", "&#x;", "&lt;script&gt;", "&#38;#38;", "]]>", "<![CDATA[",
            "&copy", "\u0000", "\uFFFE", "\uFEFF");
    private static final List<String> ENCODINGS = List.of("ISO-8859-1", "UTF-16", "UTF-16LE", "UTF-32", "Shift_JIS",
            "IBM037", "windows-1252", "US-ASCII", "x-no-such-charset", "", "UTF-8\" standalone=\"maybe");
    private static final List<String> DOCTYPES = List.of(
            "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE lolz [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
            "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                    + "\"http://127.0.0.1:9/rss-0.91.dtd\">");

    /** A named mutation, so a failure says which kinds of damage the case had. */
    record Mutation(String name, BiFunction<byte[], Random, byte[]> apply) {
    }

    static final List<Mutation> ALL = List.of(
            new Mutation("byte-flip", FeedMutator::flipBytes),
            new Mutation("truncate", FeedMutator::truncate),
            new Mutation("delete-tag", FeedMutator::deleteTag),
            new Mutation("duplicate-tag", FeedMutator::duplicateTag),
            new Mutation("inject-entity", FeedMutator::injectEntity),
            new Mutation("swap-encoding", FeedMutator::swapEncoding),
            new Mutation("transcode", FeedMutator::transcode),
            new Mutation("huge-attribute", FeedMutator::hugeAttribute),
            new Mutation("deep-nesting", FeedMutator::deepNesting),
            new Mutation("doctype", FeedMutator::doctype),
            new Mutation("splice", FeedMutator::splice));

    private FeedMutator() {
    }

    static byte[] flipBytes(byte[] in, Random r) {
        byte[] out = in.clone();
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = r.nextInt(out.length);
            out[at] = r.nextBoolean() ? (byte) (out[at] ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
        }
        return out;
    }

    static byte[] truncate(byte[] in, Random r) {
        return Arrays.copyOf(in, r.nextInt(in.length));
    }

    static byte[] deleteTag(byte[] in, Random r) {
        String s = text(in);
        int[] tag = randomTag(s, r);
        return tag == null ? in : bytes(s.substring(0, tag[0]) + s.substring(tag[1]));
    }

    static byte[] duplicateTag(byte[] in, Random r) {
        String s = text(in);
        int[] tag = randomTag(s, r);
        if (tag == null) {
            return in;
        }
        String t = s.substring(tag[0], tag[1]);
        return bytes(s.substring(0, tag[1]) + t.repeat(1 + r.nextInt(3)) + s.substring(tag[1]));
    }

    static byte[] injectEntity(byte[] in, Random r) {
        String s = text(in);
        int at = r.nextInt(s.length() + 1);
        String entity = text(ENTITIES.get(r.nextInt(ENTITIES.size())).getBytes(StandardCharsets.UTF_8));
        return bytes(s.substring(0, at) + entity + s.substring(at));
    }

    /** Declares another encoding than the bytes have: the most common lie of a real feed. */
    static byte[] swapEncoding(byte[] in, Random r) {
        String s = text(in);
        String to = ENCODINGS.get(r.nextInt(ENCODINGS.size()));
        return bytes(s.replaceFirst("encoding=\"[^\"]*\"", "encoding=\"" + to + "\""));
    }

    /** The bytes really are in another encoding, while the prolog may still say UTF-8. */
    static byte[] transcode(byte[] in, Random r) {
        String s = text(in);
        List<java.nio.charset.Charset> charsets = List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);
        return s.getBytes(charsets.get(r.nextInt(charsets.size())));
    }

    static byte[] hugeAttribute(byte[] in, Random r) {
        String s = text(in);
        int[] tag = randomStartTag(s, r);
        if (tag == null) {
            return in;
        }
        int nameEnd = tag[0] + 1;
        while (nameEnd < tag[1] && !Character.isWhitespace(s.charAt(nameEnd)) && s.charAt(nameEnd) != '>'
                && s.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        String value = "x".repeat(HUGE_ATTRIBUTE_CHARS);
        return bytes(s.substring(0, nameEnd) + " data-junk=\"" + value + "\"" + s.substring(nameEnd));
    }

    static byte[] deepNesting(byte[] in, Random r) {
        String s = text(in);
        int depth = 1 + r.nextInt(MAX_DEPTH);
        int[] tag = randomStartTag(s, r);
        int at = tag == null ? s.length() / 2 : tag[1];
        String open = "<x>".repeat(depth);
        String close = r.nextInt(4) == 0 ? "" : "</x>".repeat(depth);
        return bytes(s.substring(0, at) + open + "deep" + close + s.substring(at));
    }

    static byte[] doctype(byte[] in, Random r) {
        String s = text(in);
        String d = DOCTYPES.get(r.nextInt(DOCTYPES.size()));
        int prologEnd = s.indexOf("?>");
        int at = prologEnd < 0 ? 0 : prologEnd + 2;
        String withUse = s.replaceFirst("<title>", "<title>&x;&d;");
        return bytes(withUse.substring(0, at) + "\n" + d + withUse.substring(at));
    }

    /** Copies a random slice of the feed into a random place of itself. */
    static byte[] splice(byte[] in, Random r) {
        int from = r.nextInt(in.length);
        int len = r.nextInt(Math.min(512, in.length - from) + 1);
        int at = r.nextInt(in.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + len);
        out.write(in, 0, at);
        out.write(in, from, len);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    /** Start and end (exclusive) of a random {@code <...>} in s, or null. */
    private static int[] randomTag(String s, Random r) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int start = s.indexOf('<', r.nextInt(s.length()));
            if (start < 0) {
                continue;
            }
            int end = s.indexOf('>', start);
            if (end > start) {
                return new int[] {start, end + 1};
            }
        }
        return null;
    }

    private static int[] randomStartTag(String s, Random r) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int[] tag = randomTag(s, r);
            if (tag != null && tag[1] - tag[0] > 2 && Character.isLetter(s.charAt(tag[0] + 1))) {
                return tag;
            }
        }
        return null;
    }

    private static String text(byte[] b) {
        // ISO-8859-1 maps every byte to one char and back, so mutating the text keeps bytes we do not touch.
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
