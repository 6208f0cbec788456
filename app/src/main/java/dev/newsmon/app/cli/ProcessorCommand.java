package dev.newsmon.app.cli;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.Services;
import dev.newsmon.processor.ProcessorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
        try (Cluster cluster = Cluster.open(ServiceConfig.requireCluster(options.load(Map.of()), "processor"))) {
            ProcessorService processor = Services.processor(cluster.config());
            processor.start();
            CountDownLatch forever = new CountDownLatch(1);
            Lifecycle.runUntilSignalled(forever::await, processor::close);
        }
        return 0;
    }
}
