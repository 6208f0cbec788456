package dev.newsmon.app.cli;

import dev.newsmon.app.ops.LogFile;
import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.IngestAssembly;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.feedlist.FeedsTopic;
import dev.newsmon.ingest.group.FeedGroup;
import dev.newsmon.ingest.status.FeedStatusTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Runs only the feed poller, producing items to news.items on --bootstrap-servers. It polls the "
                + "feeds of " + Topics.FEEDS + " (edit them with 'newsmon feeds'); instances with the same "
                + "ingest.group.id share them, each polling those of the partitions Kafka assigns it.")
public final class IngestCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

    @Mixin
    ConfigOptions options;

    @Option(names = "--feeds", paramLabel = "FILE",
            description = "Feed list (ingest.feeds) added to " + Topics.FEEDS + " at start, replacing the "
                    + "definitions of the feeds it lists.")
    Path feeds;

    @Override
    public Integer call() throws Exception {
        NewsmonConfig config = ServiceConfig.requireCluster(options.load(
                feeds == null ? Map.of() : Map.of(Settings.INGEST_FEEDS.key(), feeds.toString())), "ingest");
        LogFile.open(config);
        try (Ops ops = Ops.start(config, "ingest"); Cluster cluster = Cluster.open(config)) {
            NewsmonConfig effective = cluster.config();
            if (effective.optional(Settings.INGEST_FEEDS).isPresent()) {
                List<FeedSource> listed = IngestAssembly.feeds(effective);
                try (FeedsTopic topic = FeedsTopic.create(effective)) {
                    topic.put(listed);
                }
                LOG.info("feed list imported ingest.feeds={} feeds={} topic={}",
                        effective.get(Settings.INGEST_FEEDS), listed.size(), Topics.FEEDS);
            }
            FeedStatusTopic statuses = FeedStatusTopic.create(effective);
            IngestService ingest = IngestAssembly.build(effective, List.of(), statuses, ops);
            FeedGroup group = IngestAssembly.feedGroup(effective, ingest, statuses, ops);
            Lifecycle.runUntilSignalled(ingest::runForever, () -> {
                group.close();
                ingest.close();
            }, config.get(Settings.SHUTDOWN_TIMEOUT));
        }
        return 0;
    }
}
