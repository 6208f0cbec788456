package dev.newsmon.broker;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the embedded broker.
 *
 * @param dataDir      folder of the broker's config, logs and KRaft storage (kept across restarts)
 * @param port         client port; 0 picks a free one
 * @param heap         maximum heap of the child JVM, e.g. 320m
 * @param startTimeout how long to wait for the broker to answer
 */
public record BrokerOptions(Path dataDir, int port, String heap, Duration startTimeout) {

    public static BrokerOptions from(NewsmonConfig config) {
        return new BrokerOptions(config.get(Settings.DATA_DIR).resolve("broker"), config.get(Settings.BROKER_PORT),
                config.get(Settings.BROKER_HEAP), Duration.ofSeconds(90));
    }

    /** For tests: a fresh folder, any free port, a small heap. */
    public static BrokerOptions forTest(Path dataDir) {
        return new BrokerOptions(dataDir, 0, "256m", Duration.ofSeconds(90));
    }

    public BrokerOptions withPort(int newPort) {
        return new BrokerOptions(dataDir, newPort, heap, startTimeout);
    }
}
