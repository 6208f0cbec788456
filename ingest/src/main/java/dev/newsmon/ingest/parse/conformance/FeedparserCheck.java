package dev.newsmon.ingest.parse.conformance;

import dev.newsmon.ingest.parse.FeedParseException;
import dev.newsmon.ingest.parse.FeedParser;
import dev.newsmon.ingest.parse.ParsedFeed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one feedparser test file against the bozo expectation of its header comment. {@code Expect:} containing
 * {@code not bozo} means the file must parse as well-formed (not {@link ParsedFeed#recovered()}); containing
 * {@code bozo}, that it must be found ill-formed: read leniently, or refused with a {@link FeedParseException}, as
 * feedparser sets bozo both when it recovers entries and when it finds none. A file whose expectation names neither
 * is not checked. A {@code Content-type} header line is given to the parser as the HTTP content type, a
 * {@code Content-Location} one as the feed URL (the base of relative links); otherwise the feed URL is the file's own.
 */
final class FeedparserCheck {
    /** What the header states. {@code mustParse} is null when the file states no bozo expectation. */
    record Expectation(Boolean mustParse, String contentType, String location) {
    }

    private static final Pattern EXPECT = Pattern.compile("(?m)^\\s*Expect:\\s*(.*)$");
    private static final Pattern HEADER = Pattern.compile("(?mi)^\\s*Header:\\s*([\\w-]+):\\s*(.*?)\\s*$");
    private static final Pattern NOT_BOZO = Pattern.compile("\\bnot\\s+bozo\\b");
    private static final Pattern BOZO = Pattern.compile("\\bbozo\\b");

    private final FeedParser parser;

    FeedparserCheck(FeedParser parser) {
        this.parser = parser;
    }

    static Expectation expectation(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("<!--");
        int end = start < 0 ? -1 : text.indexOf("-->", start);
        String comment = end < 0 ? "" : text.substring(start, end);
        Matcher expect = EXPECT.matcher(comment);
        Boolean mustParse = null;
        if (expect.find()) {
            String e = expect.group(1);
            mustParse = NOT_BOZO.matcher(e).find() ? Boolean.TRUE : BOZO.matcher(e).find() ? Boolean.FALSE : null;
        }
        String contentType = null;
        String location = null;
        Matcher header = HEADER.matcher(comment);
        while (header.find()) {
            if (header.group(1).equalsIgnoreCase("Content-type")) {
                contentType = header.group(2);
            } else if (header.group(1).equalsIgnoreCase("Content-Location")) {
                location = header.group(2);
            }
        }
        return new Expectation(mustParse, contentType, location);
    }

    /** Why the file fails its expectation, or null when it meets it. Requires a stated expectation. */
    FolderResult.Miss check(Path file, Expectation expected) throws IOException {
        byte[] body = Files.readAllBytes(file);
        String url = expected.location() != null ? expected.location() : file.toUri().toString();
        ParsedFeed feed;
        try {
            feed = parser.parse(body, expected.contentType(), url);
        } catch (FeedParseException e) {
            return expected.mustParse() ? new FolderResult.Miss("not bozo expected, refused", e.getMessage()) : null;
        }
        if (expected.mustParse() == feed.recovered()) {
            return expected.mustParse()
                    ? new FolderResult.Miss("not bozo expected, read leniently", "not well-formed, "
                            + feed.entries().size() + " entries recovered")
                    : new FolderResult.Miss("bozo expected, parsed as well-formed", "expected bozo, but it parsed");
        }
        return null;
    }
}
