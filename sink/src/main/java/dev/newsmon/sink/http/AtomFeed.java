package dev.newsmon.sink.http;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/** Stories as an Atom 1.0 feed, one entry per story, updated as copies come in. */
public final class AtomFeed {
    private AtomFeed() {
    }

    /**
     * @param selfUrl the URL this feed is served at, for the feed's id and self link
     * @param pageUrl the dashboard page that shows the same stories, for a person
     * @param title   what the feed holds, e.g. {@code newsmon alerts: space-station}
     */
    public static String render(List<StoryView> stories, String selfUrl, String pageUrl, String title, Instant now)
            throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(title);
        feed.setDescription("One entry per story, with the outlets that carried it.");
        feed.setUri(selfUrl);
        feed.setLink(pageUrl);
        SyndLink page = new SyndLinkImpl();
        page.setRel("alternate");
        page.setHref(pageUrl);
        page.setType("text/html");
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(selfUrl);
        self.setType("application/atom+xml");
        feed.setLinks(List.of(page, self));
        feed.setPublishedDate(Date.from(stories.stream().map(StoryView::latestSeen).max(Instant::compareTo).orElse(now)));
        List<SyndEntry> entries = new ArrayList<>();
        for (StoryView s : stories) {
            SyndEntry e = new SyndEntryImpl();
            e.setUri("urn:newsmon:story:" + s.storyId());
            e.setTitle(s.title());
            if (s.url() != null) {
                e.setLink(s.url());
            }
            e.setAuthor(s.outlet());
            e.setPublishedDate(Date.from(s.firstSeen()));
            e.setUpdatedDate(Date.from(s.latestSeen()));
            List<SyndCategory> categories = new ArrayList<>();
            for (String t : s.tags()) {
                SyndCategory c = new SyndCategoryImpl();
                c.setName(t);
                categories.add(c);
            }
            e.setCategories(categories);
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(s.outletCount() + (s.outletCount() == 1 ? " outlet: " : " outlets: ")
                    + s.outlets().stream().distinct().collect(Collectors.joining(", ")));
            e.setDescription(summary);
            entries.add(e);
        }
        feed.setEntries(entries);
        return new SyndFeedOutput().outputString(feed);
    }
}
