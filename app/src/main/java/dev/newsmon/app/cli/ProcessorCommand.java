package dev.newsmon.app.cli;

import dev.newsmon.app.ops.LogFile;
import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.ProcessorAssembly;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.processor.ProcessorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

@Command(name = "processor", mixinStandardHelpOptions = true,
        description = "Runs only the Kafka Streams processor on --bootstrap-servers. Start more instances "
                + "(same processor.application.id) to share the partitions.")
public final class ProcessorCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        NewsmonConfig config = ServiceConfig.requireCluster(options.load(Map.of()), "processor");
        LogFile.open(config);
        try (Ops ops = Ops.start(config, "processor"); Cluster cluster = Cluster.open(config)) {
            ProcessorService processor = ProcessorAssembly.build(cluster.config(), ops);
            processor.start();
            CountDownLatch forever = new CountDownLatch(1);
            Duration timeout = config.get(Settings.SHUTDOWN_TIMEOUT);
            Lifecycle.runUntilSignalled(forever::await, () -> {
                if (!processor.close(timeout)) {
                    throw new IllegalStateException("the processor did not stop within shutdown.timeout=" + timeout);
                }
            }, timeout);
        }
        return 0;
    }
}
