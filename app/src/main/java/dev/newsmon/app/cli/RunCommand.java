package dev.newsmon.app.cli;

import dev.newsmon.app.ops.LogFile;
import dev.newsmon.app.pipeline.IngestAssembly;
import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.ingest.PollSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs ingest, processor and sink in one process on a real feed list, until Ctrl-C or SIGTERM.",
                "Without --bootstrap-servers it starts the embedded Kafka broker under data.dir. The log file is "
                        + "data.dir/newsmon.log."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--feeds", paramLabel = "FILE",
            description = "Feed list: YAML (feeds: [{url, name}]), OPML, or one URL or path per line.")
    Path feeds;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of alerts.jsonl (sink.out.dir).")
    Path out;

    @Option(names = "--once", description = "Poll every feed once, wait until every item has passed the "
            + "processor and the sink, then exit 0.")
    boolean once;

    @Option(names = "--once-timeout", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "With --once: give up (exit 1) if the pipeline has not drained by then "
                    + "(ISO-8601, default ${DEFAULT-VALUE}).")
    Duration onceTimeout;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        if (feeds != null) {
            flags.put(Settings.INGEST_FEEDS.key(), feeds.toString());
        }
        if (out != null) {
            flags.put(Settings.SINK_OUT_DIR.key(), out.toString());
        }
        NewsmonConfig config = options.load(flags);
        Path logFile = LogFile.open(config);
        Pipeline pipeline = Pipeline.start(config, IngestAssembly.feeds(config), System.out);
        if (!once) {
            System.err.print(StartBanner.of("run", pipeline, Optional.empty(), logFile).render());
            Lifecycle.runUntilSignalled(pipeline::runIngest, pipeline::close, config.get(Settings.SHUTDOWN_TIMEOUT));
            return 0;
        }
        try (pipeline) {
            PollSummary summary = pipeline.pollOnce();
            summary.errors().forEach(e -> System.err.println("newsmon: skipped feed: " + e));
            try {
                pipeline.awaitQuiet(onceTimeout);
            } catch (TimeoutException e) {
                System.err.println("newsmon: " + e.getMessage());
                return 1;
            }
            System.err.printf("newsmon: %d feeds read, %d failed, %d items produced; alerts in %s%n",
                    summary.feedsOk(), summary.feedsFailed(), summary.itemsProduced(),
                    config.get(Settings.SINK_OUT_DIR).resolve("alerts.jsonl"));
        }
        return 0;
    }
}
