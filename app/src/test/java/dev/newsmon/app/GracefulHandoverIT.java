package dev.newsmon.app;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.kafka.StaticMembership;
import dev.newsmon.sink.jsonl.JsonlFileSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of a service share their group; one gets SIGTERM. Static members stay in their group on a plain
 * close, so the survivor would wait for the stopped one's session (10 s); newsmon leaves on a graceful stop, and
 * the survivor owns every partition within a few seconds of the stop.
 */
class GracefulHandoverIT {
    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** Well under the session: what only a leave, not a session expiry, can achieve. */
    private static final Duration HANDOVER = Duration.ofMillis(StaticMembership.SESSION_TIMEOUT_MS).minusSeconds(2);

    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sink", "processor"})
    void aStoppedInstanceHandsItsPartitionsToTheOtherAtOnce(String service) throws Exception {
        String group = service.equals("sink") ? "handover-sink-" + JsonlFileSink.NAME : "handover-processor";
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of("kafka.bootstrap.servers",
                BROKER.bootstrapServers()));
        Cluster.open(config).close();
        try (Admin admin = Cluster.admin(config);
             NewsmonProcess stopped = start(service, "a");
             NewsmonProcess survivor = start(service, "b")) {
            Set<TopicPartition> all = new HashSet<>();
            await("both " + service + " instances own partitions of " + group).atMost(STARTUP).until(() -> {
                List<MemberDescription> members = members(admin, group);
                all.clear();
                members.forEach(m -> all.addAll(m.assignment().topicPartitions()));
                return members.size() == 2 && members.stream().noneMatch(m -> m.assignment().topicPartitions()
                        .isEmpty());
            });

            stopped.terminate();
            assertEquals(0, stopped.waitFor(60), "a graceful stop\n" + stopped.output());
            long exitedAt = System.nanoTime();
            String survivorOwnsAll = "the surviving " + service + " owns all " + all.size() + " partitions";
            await(survivorOwnsAll).atMost(HANDOVER).until(() -> {
                List<MemberDescription> members = members(admin, group);
                return members.size() == 1 && members.get(0).assignment().topicPartitions().containsAll(all);
            });
            long handoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exitedAt);
            System.out.printf("[handover] %s: the survivor owned all %d partitions %d ms after the other stopped "
                    + "on SIGTERM (session %d ms)%n", service, all.size(), handoverMs, StaticMembership.SESSION_TIMEOUT_MS);
            assertTrue(survivor.isAlive(), survivor.output());
        }
    }

    private NewsmonProcess start(String service, String instance) throws Exception {
        List<String> args = new ArrayList<>(List.of(service,
                "--bootstrap-servers", BROKER.bootstrapServers(),
                "--set", "data.dir=" + dir.resolve(instance),
                "--set", "processor.application.id=handover-processor",
                "--set", "processor.rules.file=" + Path.of("../config/rules.yaml").toAbsolutePath(),
                "--set", "sink.group.id=handover-sink",
                "--set", "sink.out.dir=" + dir.resolve(instance).resolve("out"),
                "--set", "sink.console=false"));
        return NewsmonProcess.start(dir.resolve("logs-" + instance), Map.of("NEWSMON_SHUTDOWN_TIMEOUT", "20s"),
                args.toArray(String[]::new));
    }

    private static List<MemberDescription> members(Admin admin, String group) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return new ArrayList<>(d.members());
        } catch (ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
