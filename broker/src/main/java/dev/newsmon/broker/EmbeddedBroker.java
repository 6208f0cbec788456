package dev.newsmon.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real single-node KRaft Kafka broker (the stock {@code kafka.Kafka} from kafka_2.13) in a child JVM.
 * A child process keeps the broker's heap apart from the services', lets a test kill it with SIGKILL,
 * and survives nothing of its parent: it exits when the parent's pipe closes.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final int PORT_ATTEMPTS = 3;
    /** How the broker's log names a port it could not bind (Kafka's SocketServer). */
    private static final Pattern BIND_FAILED = Pattern.compile(
            "failed to bind to 127\\.0\\.0\\.1:(\\d+): Address already in use");

    private final BrokerOptions options;
    private final int port;
    private final Process process;

    private EmbeddedBroker(BrokerOptions options, int port, Process process) {
        this.options = options;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the broker and returns once it answers a metadata request. Its data is reused if present. A port newsmon
     * picked itself (the controller's, and the client port when {@code port} is 0) is free when picked but can be
     * taken by another process before the broker binds it; the start is then tried again on other ports.
     */
    public static EmbeddedBroker start(BrokerOptions options) throws IOException, InterruptedException,
            TimeoutException {
        return start(options, EmbeddedBroker::freePort);
    }

    /** As {@link #start(BrokerOptions)}, with the ports it picks from {@code freePorts}. */
    static EmbeddedBroker start(BrokerOptions options, IntSupplier freePorts) throws IOException,
            InterruptedException, TimeoutException {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(options, freePorts);
            } catch (PickedPortTaken e) {
                if (attempt == PORT_ATTEMPTS) {
                    throw e;
                }
                LOG.info("port {} picked for the embedded broker was taken before it bound it; trying other ports",
                        e.port);
            }
        }
    }

    private static EmbeddedBroker startOnce(BrokerOptions options, IntSupplier freePorts) throws IOException,
            InterruptedException, TimeoutException {
        Path dir = options.dataDir().toAbsolutePath();
        Path logDir = dir.resolve("kraft-logs");
        Files.createDirectories(logDir);
        int port = options.port() == 0 ? freePorts.getAsInt() : options.port();
        int controllerPort = freePorts.getAsInt();
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(port, controllerPort, logDir), StandardCharsets.UTF_8);
        Path logging = dir.resolve("logback.xml");
        try (InputStream in = EmbeddedBroker.class.getResourceAsStream("broker-logback.xml")) {
            Files.copy(Objects.requireNonNull(in, "broker-logback.xml"), logging, StandardCopyOption.REPLACE_EXISTING);
        }

        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // A session of its own: Ctrl-C or a SIGTERM sent to the whole process group reaches only the services,
            // which then drain against a broker that is still up, and stop it last.
            command.add(SETSID.toString());
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx" + options.heap(), "-XX:+UseSerialGC", "-XX:MaxDirectMemorySize=128m"));
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-Djava.awt.headless=true", "-Dlogback.configurationFile=" + logging,
                "-cp", System.getProperty("java.class.path"),
                BrokerMain.class.getName(), properties.toString(), logDir.toString(), clusterId(dir)));
        Path log = dir.resolve("broker.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        EmbeddedBroker broker = new EmbeddedBroker(options, port, process);
        try {
            broker.awaitReady(options.startTimeout(), log);
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            broker.kill();
            Matcher taken = BIND_FAILED.matcher(tail(log, Integer.MAX_VALUE));
            if (!broker.isAlive() && taken.find()) {
                int takenPort = Integer.parseInt(taken.group(1));
                if (takenPort == controllerPort || (options.port() == 0 && takenPort == port)) {
                    throw new PickedPortTaken(takenPort, e);
                }
            }
            throw e;
        }
        LOG.info("embedded Kafka broker ready at {} (pid {}, data {}, log {})", broker.bootstrapServers(),
                process.pid(), dir, log);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public BrokerOptions options() {
        return options;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, no shutdown: what a crash looks like to the rest of the system. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A controlled shutdown (SIGTERM), escalating to SIGKILL if it takes longer than 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            LOG.warn("broker pid {} did not stop within {}; killing it", process.pid(), STOP_TIMEOUT);
            kill();
        }
    }

    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException, TimeoutException {
        Instant deadline = Instant.now().plus(timeout);
        awaitListening(deadline, log);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                // Retry the connection often while the child JVM boots, instead of the default growing backoff.
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (true) {
                failIfExited(log);
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get();
                    return;
                } catch (ExecutionException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new TimeoutException("the broker did not answer within " + timeout + "; see " + log);
                    }
                    // Not listening yet: the next describeCluster waits up to its own timeout, so no busy loop.
                    process.waitFor(200, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** Waits for the port to accept connections, so the admin client below does not log refusals meanwhile. */
    private void awaitListening(Instant deadline, Path log) throws IOException, InterruptedException,
            TimeoutException {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException refused) {
                failIfExited(log);
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("the broker did not listen on port " + port + " in time; see " + log);
                }
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void failIfExited(Path log) throws IOException {
        if (!process.isAlive()) {
            throw new IOException("the broker exited with code " + process.exitValue()
                    + " before it was ready; last lines of " + log + ":\n" + tail(log, 20));
        }
    }

    static String serverProperties(int port, int controllerPort, Path logDir) {
        return String.join("\n",
                "# Written by newsmon at each start; edit BrokerOptions, not this file.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                // Topics are created by newsmon and Kafka Streams on purpose; a typo must not create one.
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=6",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // The cleaner's dedupe buffer defaults to 128 MiB of heap; compacted topics here are small.
                "log.cleaner.dedupe.buffer.size=16777216",
                "log.cleaner.threads=1",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "background.threads=4",
                "");
    }

    /** The cluster id is chosen once and kept beside the data, so a re-format is never needed. */
    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }

    /** A port free at this moment on the loopback interface (it may be taken before it is bound). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** The broker could not bind a port newsmon had picked for it: another process took it meanwhile. */
    private static final class PickedPortTaken extends IOException {
        private final int port;

        PickedPortTaken(int port, Exception cause) {
            super(cause.getMessage(), cause);
            this.port = port;
        }
    }
}
