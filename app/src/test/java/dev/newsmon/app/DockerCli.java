package dev.newsmon.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The docker and docker compose command lines, run from the repository root as an operator types them, each bounded
 * in time. Compose is the v2 plugin ({@code docker compose}) where it is installed, else Debian's docker-compose 1.x.
 */
final class DockerCli {
    /** What one command printed and how it ended. */
    record Result(List<String> command, int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        /** The whole exchange, for failure messages. */
        String transcript() {
            return String.join(" ", command) + " -> exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path root;
    private final Path logs;
    private final List<String> compose;
    private final Map<String, String> env;

    private DockerCli(Path root, Path logs, List<String> compose, Map<String, String> env) {
        this.root = root;
        this.logs = logs;
        this.compose = compose;
        this.env = env;
    }

    /**
     * Fails, naming what is missing, unless a Docker engine answers and a compose command is installed.
     *
     * @param root the working directory of every command
     * @param logs where the output of each command is kept
     * @param env extra environment of every command (compose file variables)
     */
    static DockerCli connect(Path root, Path logs, Map<String, String> env) throws IOException, InterruptedException {
        DockerCli probe = new DockerCli(root, logs, List.of(), env);
        Result info = probe.run(Duration.ofSeconds(30), List.of("docker", "info", "--format", "{{.ServerVersion}}"));
        if (!info.ok()) {
            fail("no Docker engine answers here, so the image and the compose stack cannot be tested "
                    + "(.ci/run installs docker.io and starts dockerd; as root: dockerd &):\n" + info.transcript());
        }
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            if (probe.run(Duration.ofSeconds(30), version).ok()) {
                return new DockerCli(root, logs, candidate, env);
            }
        }
        return fail("neither 'docker compose' nor 'docker-compose' runs here (apt-get install docker-compose)");
    }

    /** {@code docker ARGS}. */
    Result docker(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return run(timeout, command);
    }

    /** Any command, such as a script of the repository's docker folder. */
    Result command(Duration timeout, String... command) throws IOException, InterruptedException {
        return run(timeout, List.of(command));
    }

    /** {@code docker compose -p PROJECT -f FILE... ARGS}. */
    Result compose(Duration timeout, String project, List<Path> files, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-p", project));
        files.forEach(f -> command.addAll(List.of("-f", f.toString())));
        command.addAll(List.of(args));
        return run(timeout, command);
    }

    /** The result, or a failure with the whole transcript when the command did not exit 0. */
    static Result ok(Result r) {
        if (!r.ok()) {
            fail(r.transcript());
        }
        return r;
    }

    private Result run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        long n = System.nanoTime();
        Path out = logs.resolve("docker-" + n + ".out");
        Path err = logs.resolve("docker-" + n + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish within " + timeout + "; output so far:\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
