package dev.newsmon.app;

import dev.newsmon.broker.BrokerOptions;
import dev.newsmon.broker.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One embedded broker for all IT classes of a failsafe JVM (a start costs seconds):
 * {@code @RegisterExtension static final SharedBroker BROKER = new SharedBroker();}
 * The first class that registers it starts the broker; it stops when the JVM's tests are done. Before each class it
 * deletes the topics and consumer groups of the classes before, so every class starts on an empty cluster, as on a
 * broker of its own; the tests within a class share it as they always did. A test that kills or restarts its broker
 * starts one of its own instead.
 */
public final class SharedBroker implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBroker.class);
    private static final Duration CLEAN_TIMEOUT = Duration.ofSeconds(30);

    private Running running;
    private Path scratch;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
        running.deleteTopicsAndGroups();
        scratch = Files.createTempDirectory(running.dir, context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        deleteTree(scratch);
    }

    public String bootstrapServers() {
        return running.broker.bootstrapServers();
    }

    /** A folder for the class's own files, deleted after its last test. */
    public Path scratch() {
        return scratch;
    }

    /** The broker and its folder, closed by JUnit when the root context of the JVM's tests closes. */
    private record Running(Path dir, EmbeddedBroker broker) implements AutoCloseable {
        static Running start() {
            try {
                Path dir = Files.createTempDirectory("newsmon-it-broker");
                return new Running(dir, EmbeddedBroker.start(BrokerOptions.forTest(dir.resolve("broker"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the shared test broker", e);
            }
        }

        /**
         * Deleting a topic also deletes the offsets every group committed on it. A group still holding a member (a
         * static member of a killed JVM until its session times out) keeps its name but nothing else.
         */
        void deleteTopicsAndGroups() throws Exception {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get();
                admin.deleteTopics(topics).all().get();
                List<String> groups = admin.listGroups().all().get().stream()
                        .map(GroupListing::groupId).toList();
                admin.deleteConsumerGroups(groups).deletedGroups().forEach((group, deleted) -> {
                    try {
                        deleted.get();
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof GroupNotEmptyException)) {
                            throw new IllegalStateException("cannot delete group " + group, e.getCause());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
                // The next class creates the same names: the broker must have forgotten the old ones first.
                await("the broker lists no topic after deleting " + topics).atMost(CLEAN_TIMEOUT)
                        .until(() -> topicNames(admin).isEmpty());
            }
        }

        private static Set<String> topicNames(Admin admin) {
            try {
                return admin.listTopics().names().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot list the topics", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A kill: the data is deleted next, so a controlled shutdown would only cost time. */
        @Override
        public void close() throws Exception {
            broker.kill();
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(SharedBroker::delete);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
