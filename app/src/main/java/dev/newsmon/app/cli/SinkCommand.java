package dev.newsmon.app.cli;

import dev.newsmon.app.ops.LogFile;
import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.SinkAssembly;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.sink.SinkRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Runs only the alert sinks enabled by sink.* on --bootstrap-servers (by default appending to "
                + "DIR/alerts.jsonl), each in its own consumer group.")
public final class SinkCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of alerts.jsonl (sink.out.dir).")
    Path out;

    @Override
    public Integer call() throws Exception {
        NewsmonConfig config = ServiceConfig.requireCluster(options.load(
                out == null ? Map.of() : Map.of(Settings.SINK_OUT_DIR.key(), out.toString())), "sink");
        LogFile.open(config);
        try (Ops ops = Ops.start(config, "sink"); Cluster cluster = Cluster.open(config)) {
            SinkRunner sink = SinkAssembly.build(cluster.config(), System.out, ops);
            sink.dashboardUrl().ifPresent(url -> System.err.println("newsmon: dashboard at " + url));
            Duration timeout = config.get(Settings.SHUTDOWN_TIMEOUT);
            Lifecycle.runUntilSignalled(sink::run, () -> {
                if (!sink.stop(timeout)) {
                    throw new IllegalStateException("the sinks did not stop within shutdown.timeout=" + timeout);
                }
            }, timeout);
        }
        return 0;
    }
}
