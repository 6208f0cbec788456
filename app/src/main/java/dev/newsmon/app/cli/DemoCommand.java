package dev.newsmon.app.cli;

import dev.newsmon.app.demo.DemoFeedServer;
import dev.newsmon.app.ops.LogFile;
import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.ingest.feedlist.FeedSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs everything on this machine: an embedded Kafka broker, a local server with the bundled "
                + "sample feeds, and ingest, processor and sink, until Ctrl-C.",
                "Data and the log file (newsmon.log) live under ./data, alerts are appended to "
                        + "./out/alerts.jsonl; a restart resumes."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "60s",
            description = "How often the sample feeds are polled (default ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--feeds-port", paramLabel = "PORT", defaultValue = "18047",
            description = "Port of the local server of sample feeds (default ${DEFAULT-VALUE}); keep it the same "
                    + "across restarts, since item ids include the feed URL.")
    int feedsPort;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new HashMap<>(Map.of(Settings.INGEST_POLL_INTERVAL.key(), interval));
        // The demo serves the dashboard unless --set turns it off.
        flags.putIfAbsent(Settings.SINK_HTTP_ENABLED.key(),
                options.settings.getOrDefault(Settings.SINK_HTTP_ENABLED.key(), "true"));
        NewsmonConfig config = options.load(flags);
        Path logFile = LogFile.open(config);
        DemoFeedServer feeds = DemoFeedServer.start(feedsPort);
        List<FeedSource> sources = feeds.feedUrls().stream().map(url -> new FeedSource(url, null)).toList();
        Pipeline pipeline = Pipeline.start(config, sources, System.out);
        System.err.print(StartBanner.of("demo", pipeline, Optional.of(feeds.baseUrl()), logFile).render());
        Lifecycle.runUntilSignalled(pipeline::runIngest, () -> {
            pipeline.close();
            feeds.close();
        }, config.get(Settings.SHUTDOWN_TIMEOUT));
        return 0;
    }
}
