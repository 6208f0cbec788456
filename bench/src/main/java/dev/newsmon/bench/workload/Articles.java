package dev.newsmon.bench.workload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * The bench's news: ordinary local items that no rule matches, space-station stories that the shipped rules tag,
 * and syndicated copies of a story (its text under a dateline and a footer, as wire copy is republished).
 */
final class Articles {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String[] NEWS = ("council budget vote school teachers parents road repairs bridge traffic "
            + "market prices farmers harvest weather rain flood river park festival concert theatre museum library "
            + "hospital nurses doctors clinic patients police court judge trial jury mayor election candidates "
            + "debate taxes housing rent landlords tenants business shop owners jobs factory workers union strike "
            + "train bus airport delays tourists hotel restaurant chef menu football match coach players season "
            + "league cup final goal fans stadium tickets charity volunteers donation community centre garden "
            + "residents neighbours street lights parking fines cyclists lane pedestrians crossing safety report "
            + "study university students research results survey statistics growth decline minister policy plan")
            .split(" ");
    private static final String[] SPACE = ("module crew orbit engineers cargo docking hatch airlock experiment "
            + "freighter thruster solar array radiator battery leak inspection schedule spacewalk robotic arm "
            + "truss segment oxygen water recycler sample telescope antenna software update flight director "
            + "mission planners partner agencies contract launch capsule parachute splashdown reboost altitude")
            .split(" ");

    private Articles() {
    }

    static SyntheticFeeds.Item local(int feed, String guid, Random r, Instant published) {
        return new SyntheticFeeds.Item(feed, guid, false, "Residents discuss " + words(r, NEWS, 5),
                "The " + words(r, NEWS, 60) + ", officials said.", published);
    }

    static SyntheticFeeds.Item story(int feed, String guid, Random r, Instant published) {
        return new SyntheticFeeds.Item(feed, guid, true, "Space station " + words(r, SPACE, 4)
                + " as NASA updates crews (" + guid + ")", "The crew of the International Space Station reported "
                + "on the " + words(r, SPACE, 80) + ", NASA and its partner agencies said about the "
                + words(r, SPACE, 20) + ".", published);
    }

    static SyntheticFeeds.Item copy(SyntheticFeeds.Item original, int feed, String guid, Instant published) {
        return new SyntheticFeeds.Item(feed, guid, true, original.title() + " | Outlet " + feed,
                "DATELINE — " + original.text() + " This story first appeared on Outlet " + original.feed() + ".",
                published);
    }

    static boolean isCopy(SyntheticFeeds.Item item) {
        return item.title().contains(" | Outlet ");
    }

    /** The RSS 2.0 document of one feed with these items. */
    static String rss(int feed, List<SyntheticFeeds.Item> items) {
        StringBuilder xml = new StringBuilder(16 * 1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Outlet ")
                .append(feed).append("</title><link>https://outlet-").append(feed)
                .append(".example/</link><description>Synthetic outlet of newsmon bench.</description><language>en</language>\n");
        for (SyntheticFeeds.Item item : items) {
            xml.append("<item><title>").append(item.title()).append("</title><link>").append(link(item))
                    .append("</link><guid isPermaLink=\"false\">").append(item.guid()).append("</guid><pubDate>")
                    .append(RFC_1123.format(item.published())).append("</pubDate><description><![CDATA[<p>")
                    .append(item.text()).append("</p>]]></description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    static String link(SyntheticFeeds.Item item) {
        return "https://outlet-" + item.feed() + ".example/" + item.guid();
    }

    private static String words(Random r, String[] vocabulary, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(vocabulary[r.nextInt(vocabulary.length)]);
        }
        return s.toString();
    }
}
