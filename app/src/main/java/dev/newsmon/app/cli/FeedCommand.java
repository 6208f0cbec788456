package dev.newsmon.app.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsmon.app.Main;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.FeedReader;
import dev.newsmon.ingest.feedlist.FeedListException;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.FetchException;
import dev.newsmon.ingest.parse.FeedParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "feed", mixinStandardHelpOptions = true, description = "Work with one feed.",
        subcommands = FeedCommand.Parse.class)
public final class FeedCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = "Fetches and parses one feed and prints its items as JSON lines, as ingest would "
                    + "produce them. Exits 2 with a one-line error on a feed it cannot read.")
    static final class Parse implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Parameters(paramLabel = "FILE|URL", description = "A feed file or an http(s) URL.")
        String feed;

        @Override
        public Integer call() throws Exception {
            FeedReader reader = FeedReader.create(options.load(Map.of()));
            List<FeedItem> items;
            try {
                items = reader.read(FeedSource.of(feed));
            } catch (FetchException | FeedParseException | FeedListException e) {
                System.err.println("newsmon: " + e.getMessage());
                return Main.USAGE;
            }
            ObjectWriter writer = Json.mapper().writer();
            for (FeedItem item : items) {
                System.out.println(writer.writeValueAsString(item));
            }
            return 0;
        }
    }
}
