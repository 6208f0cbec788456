package dev.newsmon.bench;

import dev.newsmon.app.Main;
import dev.newsmon.common.config.ConfigException;
import picocli.CommandLine;

/**
 * {@code newsmon bench}: the launcher runs this class for that one command, so the CLI of the services does not
 * carry the benchmark and its workload generator.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("newsmon: " + e.getMessage());
                return Main.USAGE;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
