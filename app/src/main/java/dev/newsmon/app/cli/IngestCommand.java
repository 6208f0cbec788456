package dev.newsmon.app.cli;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.Services;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.ingest.IngestService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Runs only the feed poller, producing items to news.items on --bootstrap-servers.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--feeds", paramLabel = "FILE", description = "Feed list (ingest.feeds).")
    Path feeds;

    @Override
    public Integer call() throws Exception {
        NewsmonConfig config = ServiceConfig.requireCluster(options.load(
                feeds == null ? Map.of() : Map.of(Settings.INGEST_FEEDS.key(), feeds.toString())), "ingest");
        try (Ops ops = Ops.start(config, "ingest"); Cluster cluster = Cluster.open(config)) {
            IngestService ingest = Services.ingest(cluster.config(), Services.feeds(cluster.config()), ops);
            Lifecycle.runUntilSignalled(ingest::runForever, ingest::close, config.get(Settings.SHUTDOWN_TIMEOUT));
        }
        return 0;
    }
}
