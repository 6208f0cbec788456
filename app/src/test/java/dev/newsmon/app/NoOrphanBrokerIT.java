package dev.newsmon.app;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code newsmon run} and {@code newsmon demo} start an embedded broker in a child JVM. Killed with SIGKILL (no
 * shutdown hook runs), they must not leave that broker behind: its JVM ends within 5 s of the kill.
 */
class NoOrphanBrokerIT {
    private static final Duration ORPHAN_LIMIT = Duration.ofSeconds(5);
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration REAPED_WITHIN = Duration.ofSeconds(30);
    private static final Pattern BROKER_READY = Pattern.compile("embedded Kafka broker ready at \\S+ \\(pid (\\d+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"run", "demo"})
    void sigkillOfTheParentLeavesNoBrokerBehind(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command,
                "--set", "data.dir=" + dir.resolve("data"),
                "--set", "broker.port=0",
                "--set", "sink.out.dir=" + dir.resolve("out"),
                "--set", "sink.console=false",
                "--set", "sink.http.port=0",
                "--set", "processor.rules.file=" + Path.of("../config/rules.yaml").toAbsolutePath()));
        if (command.equals("run")) {
            // A feed nobody serves: the pipeline runs, the poll skips it.
            Path feeds = Files.writeString(dir.resolve("feeds.txt"), "http://127.0.0.1:9/nothing.xml\n");
            args.addAll(List.of("--feeds", feeds.toString()));
        } else {
            args.addAll(List.of("--feeds-port", "0"));
        }
        try (NewsmonProcess parent = NewsmonProcess.start(dir.resolve("logs"), Map.of(),
                args.toArray(String[]::new))) {
            ProcessHandle broker = awaitBroker(parent);
            await("the pipeline of `newsmon " + command + "` started").atMost(STARTUP)
                    .until(() -> output(parent).contains("processor state REBALANCING -> RUNNING"));
            assertTrue(broker.isAlive(), "the broker runs before the kill");

            long killedAt = System.nanoTime();
            parent.kill();
            assertFalse(parent.isAlive(), "the parent is gone");
            await("the broker pid " + broker.pid() + " of `newsmon " + command + "` ended after kill -9 of its parent")
                    .atMost(ORPHAN_LIMIT.minusNanos(System.nanoTime() - killedAt))
                    .until(() -> !broker.isAlive() || exitedUnreaped(broker));
            long endedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            // Only a reaper is left to act: PID 1 of the machine or container collects the exit status.
            broker.onExit().get(REAPED_WITHIN.toSeconds(), TimeUnit.SECONDS);
            System.out.printf("[orphan] newsmon %s: broker JVM ended %d ms after kill -9 of its parent, reaped"
                    + " after %d ms%n", command, endedMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
        }
    }

    /**
     * Whether the process has exited and waits only to be reaped (a zombie): its JVM is gone, but
     * {@link ProcessHandle#isAlive()} says alive until its new parent, PID 1, collects the status.
     */
    private static boolean exitedUnreaped(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    /** The embedded broker, by the pid the parent logs once it is ready. */
    private static ProcessHandle awaitBroker(NewsmonProcess parent) {
        AtomicReference<Matcher> ready = new AtomicReference<>();
        await("the embedded broker of pid " + parent.handle().pid() + " ready").atMost(STARTUP).until(() -> {
            Matcher m = BROKER_READY.matcher(output(parent));
            ready.set(m.find() ? m : null);
            return ready.get() != null || !parent.isAlive();
        });
        if (ready.get() == null) {
            throw new AssertionError("newsmon ended before its broker was ready\n" + output(parent));
        }
        long pid = Long.parseLong(ready.get().group(1));
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        assertTrue(parent.handle().children().anyMatch(c -> c.pid() == pid), "the broker is a child of newsmon");
        return broker;
    }

    private static String output(NewsmonProcess process) {
        try {
            return process.output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
