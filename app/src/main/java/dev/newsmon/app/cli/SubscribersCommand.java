package dev.newsmon.app.cli;

import dev.newsmon.app.ops.LogFile;
import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.SubscriberAssembly;
import dev.newsmon.app.pipeline.Subscribers;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.ops.Ops;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "subscribers", mixinStandardHelpOptions = true,
        description = "Runs only the subscriber app (news.alerts.<name>, growth alerts, digests) and the channels of"
                + " news.subscriptions on --bootstrap-servers. Start more instances (same"
                + " subscribers.application.id) to share the partitions.")
public final class SubscribersCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        NewsmonConfig config = ServiceConfig.requireCluster(options.load(Map.of()), "subscribers");
        LogFile.open(config);
        try (Ops ops = Ops.start(config, "subscribers"); Cluster cluster = Cluster.open(config)) {
            Subscribers subscribers = SubscriberAssembly.build(cluster.config(), ops, System.getenv());
            subscribers.start();
            CountDownLatch forever = new CountDownLatch(1);
            Duration timeout = config.get(Settings.SHUTDOWN_TIMEOUT);
            Lifecycle.runUntilSignalled(forever::await, () -> {
                if (!subscribers.close(timeout)) {
                    throw new IllegalStateException("the subscribers did not stop within shutdown.timeout=" + timeout);
                }
            }, timeout);
        }
        return 0;
    }
}
