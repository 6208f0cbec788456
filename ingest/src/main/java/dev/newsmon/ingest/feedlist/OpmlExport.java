package dev.newsmon.ingest.feedlist;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A feed list as OPML 2.0, which {@link FeedListFile} and feed readers import: one {@code rss} outline per feed
 * with its URL and name. A feed without a name gets an empty {@code text}, so importing the file again leaves it
 * named by its own title. Per-feed headers and intervals have no place in OPML and are not written.
 */
public final class OpmlExport {
    private OpmlExport() {
    }

    public static String render(Collection<FeedSource> feeds) {
        Opml opml = new Opml();
        opml.setFeedType("opml_2.0");
        opml.setTitle("newsmon feeds");
        List<Outline> outlines = feeds.stream().map(OpmlExport::outline).toList();
        opml.setOutlines(outlines);
        try {
            return new WireFeedOutput().outputString(opml, true);
        } catch (FeedException e) {
            // Only a feed type ROME does not know fails here, and opml_2.0 is one it ships.
            throw new IllegalStateException("cannot write OPML: " + e.getMessage(), e);
        }
    }

    private static Outline outline(FeedSource feed) {
        Outline o = new Outline();
        o.setType("rss");
        o.setText(feed.name() == null ? "" : feed.name());
        o.setTitle(feed.name());
        o.setAttributes(new ArrayList<>(List.of(new Attribute("xmlUrl", feed.url()))));
        return o;
    }
}
