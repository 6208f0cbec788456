package dev.newsmon.app;

import dev.newsmon.broker.BrokerOptions;
import dev.newsmon.common.config.Settings;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.EvaluatedCondition;
import org.awaitility.core.TimeoutEvent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code newsmon} as a child JVM on the test class path: what {@code ./newsmon ARGS} and the container's
 * entrypoint run, so exit codes, signals and environment variables are the real ones.
 */
public final class NewsmonProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private NewsmonProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code java -cp <test class path> dev.newsmon.app.Main args}, output captured under {@code logs}. */
    public static NewsmonProcess start(Path logs, Map<String, String> env, String... args) throws IOException {
        return start(logs, env, List.of(), args);
    }

    /**
     * As {@link #start}, with the logging configuration that ships (logback.xml) instead of the tests' one, which
     * the test class path would otherwise pick: for tests of what a person sees on the console.
     */
    public static NewsmonProcess startAsShipped(Path logs, Map<String, String> env, String... args)
            throws IOException {
        return start(logs, env, List.of("-Dlogback.configurationFile=logback.xml"), args);
    }

    private static NewsmonProcess start(Path logs, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        Files.createDirectories(logs);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire and failsafe run the tests from a manifest-only jar; the real class path is in this property.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // newsmon.home as the launcher sets it, so shipped files (config/rules.yaml) resolve as in production.
        // A test's newsmon lives for seconds, as does the broker it may start: top-tier compiling would cost
        // more CPU than it saves.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dnewsmon.home=" + Path.of("..").toAbsolutePath().normalize()));
        command.addAll(BrokerOptions.SHORT_LIVED_JVM);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("NEWSMON_"));
        pb.environment().put(Settings.BROKER_JVM_OPTIONS.envName(), String.join(",", BrokerOptions.SHORT_LIVED_JVM));
        pb.environment().putAll(env);
        long n = System.nanoTime();
        Path out = logs.resolve("stdout-" + n + ".log");
        Path err = logs.resolve("stderr-" + n + ".log");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null")));
        return new NewsmonProcess(pb.start(), out, err);
    }

    /** Waits for the exit; null if still running after the timeout. */
    public Integer waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process, for its pid and its children (the embedded broker). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Awaitility's wait for {@code what} while this process runs: it fails at once if the process ends first, and
     * either failure carries the process's output.
     */
    public ConditionFactory awaitWhileAlive(String what) {
        return Awaitility.await(what)
                .failFast(() -> {
                    if (!isAlive()) {
                        throw new AssertionError("the process ended before " + what + "\n" + output());
                    }
                })
                .conditionEvaluationListener(new ConditionEvaluationListener<Object>() {
                    @Override
                    public void conditionEvaluated(EvaluatedCondition<Object> condition) {
                    }

                    @Override
                    public void onTimeout(TimeoutEvent timeout) {
                        try {
                            System.out.println("no " + what + " in time; the process's output:\n" + output());
                        } catch (IOException e) {
                            System.out.println("no " + what + " in time; its output is unreadable: " + e);
                        }
                    }
                });
    }

    /** SIGTERM on Unix, as {@code docker stop} and Ctrl-C's cousin send it. */
    public void terminate() {
        process.destroy();
    }

    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Both outputs, for failure messages. */
    public String output() throws IOException {
        return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    }

    /** SIGKILL: a crash, with no shutdown hook and no clean close of anything; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
