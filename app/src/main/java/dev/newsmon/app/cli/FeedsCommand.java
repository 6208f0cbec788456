package dev.newsmon.app.cli;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.ingest.feedlist.FeedListException;
import dev.newsmon.ingest.feedlist.FeedListFile;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.feedlist.FeedsTopic;
import dev.newsmon.ingest.feedlist.OpmlExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;

@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Edit the feed list of the ingest service: the compacted topic " + Topics.FEEDS
                + " on --bootstrap-servers. Running ingest instances pick up a change within a second.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.Remove.class, FeedsCommand.ListFeeds.class,
                FeedsCommand.Import.class, FeedsCommand.Export.class})
public final class FeedsCommand implements Runnable {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** What every subcommand shares: the cluster (news.feeds created if absent) and picocli's output streams. */
    abstract static class Edit extends TopicEdit<FeedListException> {
        Edit() {
            super(FeedListException.class);
        }

        static SortedMap<String, FeedSource> current(NewsmonConfig config) throws Exception {
            return FeedsTopic.read(config, READ_TIMEOUT);
        }

        static void put(NewsmonConfig config, List<FeedSource> feeds) throws Exception {
            try (FeedsTopic topic = FeedsTopic.create(config)) {
                topic.put(feeds);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a feed, or replaces the definition of one listed already.")
    static final class Add extends Edit {
        @Parameters(paramLabel = "URL", description = "The feed's http(s) URL (or a path, read as a file: URL).")
        String url;

        @Option(names = "--name", paramLabel = "NAME",
                description = "The outlet's name; without it, items carry the feed's own title.")
        String name;

        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            FeedSource feed = new FeedSource(FeedSource.of(url).url(), name);
            put(config, List.of(feed));
            out.println("added " + feed.url());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes a feed and withdraws its health from " + Topics.FEED_STATUS
                    + "; the instance polling it stops. Exits 2 if the feed is not listed.")
    static final class Remove extends Edit {
        @Parameters(paramLabel = "URL", description = "The feed's URL, as listed.")
        String url;

        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            String key = FeedSource.of(url).url();
            if (!current(config).containsKey(key)) {
                throw new FeedListException(key + " is not in " + Topics.FEEDS + " (see 'newsmon feeds list')");
            }
            try (FeedsTopic topic = FeedsTopic.create(config)) {
                // The status first: should the removal then fail, the feed is still listed and its next poll
                // reports its health again, where the other order could leave a removed feed on the dashboard for
                // good. A status a running ingest sends in between, it withdraws itself on seeing the removal.
                topic.withdrawStatus(key);
                topic.remove(key);
            }
            out.println("removed " + key);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Prints every feed, one a line: its URL, a tab, and its name (empty when it has none).")
    static final class ListFeeds extends Edit {
        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            current(config).values().forEach(f -> out.println(f.url() + "\t" + (f.name() == null ? "" : f.name())));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Adds every feed of a list (OPML, YAML or one URL per line, as ingest.feeds), replacing "
                    + "the definitions of those listed already; feeds not in the file stay.")
    static final class Import extends Edit {
        @Parameters(paramLabel = "FILE", description = "The feed list.")
        Path file;

        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            List<FeedSource> feeds = FeedListFile.read(file);
            put(config, feeds);
            out.println("imported " + feeds.size() + " feeds from " + file + " into " + Topics.FEEDS);
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Prints every feed as OPML 2.0 (URL and name; per-feed headers and intervals stay in "
                    + Topics.FEEDS + ").")
    static final class Export extends Edit {
        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            out.print(OpmlExport.render(current(config).values()));
            return 0;
        }
    }
}
