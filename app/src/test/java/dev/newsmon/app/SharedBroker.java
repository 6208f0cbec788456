package dev.newsmon.app;

import dev.newsmon.broker.BrokerOptions;
import dev.newsmon.broker.EmbeddedBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded broker for all tests of an IT class, started once (a start costs seconds):
 * {@code @RegisterExtension static final SharedBroker BROKER = new SharedBroker();}
 */
public final class SharedBroker implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private EmbeddedBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("newsmon-it-broker");
        broker = EmbeddedBroker.start(BrokerOptions.forTest(dir.resolve("broker")));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        broker.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(SharedBroker::delete);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A folder for the tests' own files, deleted with the broker's data after the last test. */
    public Path scratch() throws IOException {
        return Files.createDirectories(dir.resolve("scratch"));
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
