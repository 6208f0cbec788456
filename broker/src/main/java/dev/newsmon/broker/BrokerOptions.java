package dev.newsmon.broker;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run the embedded broker.
 *
 * @param dataDir      folder of the broker's config, logs and KRaft storage (kept across restarts)
 * @param port         client port; 0 picks a free one
 * @param heap         maximum heap of the child JVM, e.g. 320m
 * @param jvmOptions   more options of the child JVM
 * @param startTimeout how long to wait for the broker to answer
 */
public record BrokerOptions(Path dataDir, int port, String heap, List<String> jvmOptions, Duration startTimeout) {

    /** A test's broker lives for seconds: compiling its hot code to the top tier would cost more CPU than it saves. */
    public static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1");

    public BrokerOptions {
        jvmOptions = List.copyOf(jvmOptions);
    }

    public static BrokerOptions from(NewsmonConfig config) {
        return new BrokerOptions(config.get(Settings.DATA_DIR).resolve("broker"), config.get(Settings.BROKER_PORT),
                config.get(Settings.BROKER_HEAP), config.optional(Settings.BROKER_JVM_OPTIONS).orElse(List.of()),
                Duration.ofSeconds(90));
    }

    /** For tests: a fresh folder, any free port, a small heap, a JVM for a short life. */
    public static BrokerOptions forTest(Path dataDir) {
        return new BrokerOptions(dataDir, 0, "256m", SHORT_LIVED_JVM, Duration.ofSeconds(90));
    }

    public BrokerOptions withPort(int newPort) {
        return new BrokerOptions(dataDir, newPort, heap, jvmOptions, startTimeout);
    }
}
