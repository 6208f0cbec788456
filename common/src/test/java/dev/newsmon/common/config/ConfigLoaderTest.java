package dev.newsmon.common.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAloneValidate() {
        NewsmonConfig config = NewsmonConfig.defaults();
        assertEquals(Duration.ofDays(7), config.get(Settings.PROCESSOR_DEDUP_WINDOW));
        assertEquals(3, config.get(Settings.TOPIC_PARTITIONS));
        assertEquals(10L * 1024 * 1024, config.get(Settings.INGEST_MAX_BODY));
        assertTrue(config.bootstrapServers().isEmpty(), "no cluster named means the embedded broker");
        assertTrue(config.optional(Settings.INGEST_FEEDS).isEmpty());
    }

    @Test
    void fileThenEnvironmentThenCommandLineEachWin() throws Exception {
        Path file = dir.resolve("newsmon.yaml");
        Files.writeString(file, """
                processor:
                  dedup:
                    window: 2d
                    threshold: 0.7
                topics:
                  partitions: 6
                kafka:
                  bootstrap.servers: file-host:9092
                  security.protocol: SASL_SSL
                """);
        NewsmonConfig config = ConfigLoader.load(file,
                Map.of("NEWSMON_PROCESSOR_DEDUP_WINDOW", "36h", "NEWSMON_KAFKA_SASL_MECHANISM", "PLAIN",
                        "PATH", "/usr/bin"),
                Map.of("topics.partitions", "12"));
        assertEquals(Duration.ofHours(36), config.get(Settings.PROCESSOR_DEDUP_WINDOW), "env beats file");
        assertEquals(0.7, config.get(Settings.PROCESSOR_DEDUP_THRESHOLD), "file beats default");
        assertEquals(12, config.get(Settings.TOPIC_PARTITIONS), "command line beats file");
        assertEquals("file-host:9092", config.bootstrapServers().orElseThrow());
        assertEquals("SASL_SSL", config.kafka().get("security.protocol"), "kafka.* passes through from the file");
        assertEquals("PLAIN", config.kafka().get("sasl.mechanism"), "NEWSMON_KAFKA_* passes through");
    }

    @Test
    void aBadValueNamesTheVariableAndTheExpectedType() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null,
                Map.of("NEWSMON_PROCESSOR_DEDUP_WINDOW", "banana"), Map.of()));
        assertEquals("processor.dedup.window expects a duration such as 500ms, 30s, 15m, 12h or 7d, got 'banana' "
                + "from NEWSMON_PROCESSOR_DEDUP_WINDOW (environment)", e.getMessage());
    }

    @Test
    void unknownKeysAreRefusedWhereverTheyComeFrom() throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "processor:\n  dedup:\n    windw: 2d\n");
        ConfigException fromFile = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), Map.of()));
        assertTrue(fromFile.getMessage().startsWith("unknown configuration key 'processor.dedup.windw' (file "),
                fromFile.getMessage());
        ConfigException fromEnv = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("NEWSMON_SINK_OUTDIR", "/tmp"), Map.of()));
        assertTrue(fromEnv.getMessage().contains("NEWSMON_SINK_OUTDIR"), fromEnv.getMessage());
    }

    @Test
    void sizesAndDurationsAcceptTheirUsualSpellings() {
        assertEquals(512L * 1024, ValueType.parseSize("512KiB"));
        assertEquals(1_048_576L, ValueType.parseSize("1048576"));
        assertEquals(Duration.ofMillis(250), ValueType.parseDuration("250ms"));
        assertEquals(Duration.ofMinutes(90), ValueType.parseDuration("PT1H30M"));
        assertThrows(IllegalArgumentException.class, () -> ValueType.parseDuration("7 fortnights"));
    }

    @Test
    void everyEnvironmentNameIsDerivedFromItsKey() {
        assertEquals("NEWSMON_PROCESSOR_DEDUP_WINDOW", Settings.PROCESSOR_DEDUP_WINDOW.envName());
        assertEquals("NEWSMON_INGEST_HTTP_MAX_BODY", Settings.INGEST_MAX_BODY.envName());
    }
}
