package dev.newsmon.bench.measure;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.kafka.TopicAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The engine's own limit on this broker: a Kafka Streams topology that copies {@code news.items} to another topic
 * unchanged, with the processor's guarantee (exactly_once_v2), over the backlog the pipeline left.
 */
public final class PassThrough {
    private PassThrough() {
    }

    /** Records copied per second, from the moment the topology is running to the moment it has read everything. */
    public static double recordsPerSecond(NewsmonConfig config, Admin admin, Path stateDir, String applicationId,
                                          Duration timeout) throws Exception {
        TopicAdmin.ensureTopics(admin, List.of(Topics.BENCH_PASSTHROUGH), Set.of(), 3, (short) 1);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ITEMS, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(Topics.BENCH_PASSTHROUGH, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        TopicProgress items = new TopicProgress(admin, Topics.ITEMS);
        long records = items.end();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config.kafkaProperties(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString(),
                "auto.offset.reset", "earliest")))) {
            streams.start();
            Instant deadline = Instant.now().plus(timeout);
            while (streams.state() != KafkaStreams.State.RUNNING) {
                waitOrFail(deadline, "the pass-through topology to run");
            }
            long started = System.nanoTime();
            // news.items is written without transactions, so the group's offsets reach its end exactly.
            while (true) {
                long committed = items.committed(applicationId);
                if (committed >= records) {
                    return committed / ((System.nanoTime() - started) / 1e9);
                }
                waitOrFail(deadline, "the pass-through topology to read " + records + " records");
            }
        }
    }

    private static void waitOrFail(Instant deadline, String what) throws InterruptedException, TimeoutException {
        if (Instant.now().isAfter(deadline)) {
            throw new TimeoutException("timed out waiting for " + what);
        }
        Thread.sleep(100);
    }
}
