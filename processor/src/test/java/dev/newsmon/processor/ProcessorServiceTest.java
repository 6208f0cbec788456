package dev.newsmon.processor;

import dev.newsmon.common.config.NewsmonConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Life cycle without a broker; running against one is left to an integration test. */
class ProcessorServiceTest {
    @TempDir
    Path dataDir;

    @Test
    void notStartedServiceIsNotRunningAndClosesCleanly() throws InterruptedException {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of("data.dir", dataDir.toString(),
                "kafka.bootstrap.servers", "localhost:1"));
        ProcessorService service = new ProcessorService(config, new KeywordTagger(), new SimpleMeterRegistry());

        assertEquals(KafkaStreams.State.CREATED, service.state());
        assertFalse(service.awaitRunning(Duration.ofMillis(50)));
        assertTrue(Files.isDirectory(dataDir.resolve("streams").resolve("newsmon-processor")),
                "state lives under data.dir/streams/<application id>");

        assertTrue(service.close(Duration.ofSeconds(5)));
        assertEquals(KafkaStreams.State.NOT_RUNNING, service.state());
    }
}
