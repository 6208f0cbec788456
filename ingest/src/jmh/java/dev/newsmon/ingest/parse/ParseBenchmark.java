package dev.newsmon.ingest.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.item.ItemMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parse throughput in items per second for a typical 50-item RSS 2.0 feed (~40 KiB, content:encoded, Dublin Core),
 * next to the cost of only reading the same bytes as characters: the floor any parser pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {
    private static final int ITEMS = 50;
    private static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";
    private static final String FEED_URL = "https://bench-bulletin.example/rss";
    private static final FeedSource SOURCE = new FeedSource(FEED_URL, "Benchmark Bulletin");
    private static final Instant FETCHED = Instant.parse("2026-11-23T10:00:00Z");

    private final FeedParser parser = new FeedParser();
    private byte[] body;

    @Setup
    public void writeFeed() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>Benchmark Bulletin</title><link>https://bench-bulletin.example/</link>
                <description>Fifty stories about orbiting things</description><ttl>30</ttl>
                """);
        for (int i = 0; i < ITEMS; i++) {
            xml.append("<item><title>Station module ").append(i).append(" passes its yearly pressure check</title>")
                    .append("<link>https://bench-bulletin.example/2026/11/module-").append(i).append("</link>")
                    .append("<guid isPermaLink=\"false\">bench-").append(i).append("</guid>")
                    .append("<pubDate>Mon, 23 Nov 2026 09:").append(10 + i % 50).append(":00 +0000</pubDate>")
                    .append("<dc:creator>Desk ").append(i % 7).append("</dc:creator>")
                    .append("<description>Engineers logged the readings and found nothing amiss.</description>")
                    .append("<content:encoded><![CDATA[<p>")
                    .append("Engineers spent the morning reading gauges on the module, one valve at a time. ".repeat(8))
                    .append("</p>]]></content:encoded></item>\n");
        }
        body = xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public ParsedFeed parse() throws FeedParseException {
        return parser.parse(body, CONTENT_TYPE, FEED_URL);
    }

    /**
     * ROME alone on the same bytes, used at its fastest (its XmlReader behind a BufferedReader, its XML healer off):
     * the library's own speed, which {@link #parse()} adds the safe XML setup, the repairs and the entry mapping to.
     */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public SyndFeed romeAlone() throws IOException, FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setXmlHealerOn(false);
        try (Reader r = new BufferedReader(new XmlReader(new ByteArrayInputStream(body), CONTENT_TYPE, true))) {
            return input.build(r);
        }
    }

    /** {@link #parse()} and then each entry made into the item ingest publishes, as a poll does. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public List<FeedItem> parseAndMap() throws FeedParseException {
        ParsedFeed feed = parser.parse(body, CONTENT_TYPE, FEED_URL);
        List<FeedItem> items = new ArrayList<>(feed.entries().size());
        for (ParsedEntry entry : feed.entries()) {
            items.add(ItemMapper.map(SOURCE, SOURCE.name(), entry, FETCHED));
        }
        return items;
    }

    /** Decodes the bytes to characters and touches each one; per item, to compare with {@link #parse()}. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long readOnly() throws IOException {
        long sum = 0;
        char[] buf = new char[8192];
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            for (int n; (n = r.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    sum += buf[i];
                }
            }
        }
        return sum;
    }
}
