package dev.newsmon.ingest.parse.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Valid feeds, one per dialect, that the fuzzer mutates. Fictional outlets, text written for newsmon. */
final class SeedFeeds {
    private SeedFeeds() {
    }

    static final String RSS2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Copperfield Gazette</title>
                <link>https://copperfield-gazette.example/</link>
                <description>Local news, and now and then the sky above it.</description>
                <ttl>30</ttl>
                <item>
                  <title>Station crew tests a new water recycler &amp; reports early results</title>
                  <link>/2026/11/water-recycler?utm_source=rss</link>
                  <guid isPermaLink="false">cg-2026-1101</guid>
                  <pubDate>Mon, 23 Nov 2026 08:30:00 +0000</pubDate>
                  <dc:creator>Tamsin Okafor</dc:creator>
                  <description>A short &lt;b&gt;teaser&lt;/b&gt; for the recycler story.</description>
                  <content:encoded><![CDATA[<p>The crew of the orbiting laboratory switched on a
                    <em>new</em> recycler on Sunday. Engineers on the ground said the first litres were clean.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Harbour bridge closes for two nights of repairs</title>
                  <link>https://copperfield-gazette.example/2026/11/bridge</link>
                  <dc:date>2026-11-22T19:00:00Z</dc:date>
                  <description>Drivers should use the ring road, the city said.</description>
                  <enclosure url="https://copperfield-gazette.example/img/bridge.jpg" length="1200" type="image/jpeg"/>
                </item>
              </channel>
            </rss>
            """;

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title type="text">Lantern Point Observer</title>
              <link rel="alternate" href="https://lantern-point.example/"/>
              <id>tag:lantern-point.example,2026:feed</id>
              <updated>2026-11-24T10:00:00Z</updated>
              <entry>
                <title type="html">Cargo ship leaves the station with &lt;i&gt;old&lt;/i&gt; hardware</title>
                <link rel="alternate" href="news/cargo-departs"/>
                <id>tag:lantern-point.example,2026:cargo-departs</id>
                <updated>2026-11-24T09:45:00Z</updated>
                <author><name>Priya Lindqvist</name></author>
                <summary>A summary only.</summary>
                <content type="html">&lt;p&gt;The freighter undocked at dawn and will burn up over the ocean.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Council votes to extend the night bus</title>
                <link href="https://lantern-point.example/news/night-bus"/>
                <id>tag:lantern-point.example,2026:night-bus</id>
                <published>2026-11-23T21:10:00+01:00</published>
                <updated>2026-11-23T21:10:00+01:00</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Two more routes from May.</p></div></content>
              </entry>
            </feed>
            """;

    static final String RDF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://thornbury-wire.example/rss">
                <title>Thornbury Wire</title>
                <link>https://thornbury-wire.example/</link>
                <description>Wire copy from Thornbury.</description>
                <items><rdf:Seq><rdf:li rdf:resource="https://thornbury-wire.example/a/77"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://thornbury-wire.example/a/77">
                <title>Space agencies agree on a joint crew schedule for next year</title>
                <link>https://thornbury-wire.example/a/77</link>
                <description>Negotiators met for three days before agreeing on the seats.</description>
                <dc:date>2026-11-21T12:00:00Z</dc:date>
              </item>
            </rdf:RDF>
            """;

    static List<byte[]> all() {
        return List.of(bytes(RSS2), bytes(ATOM), bytes(RDF));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
