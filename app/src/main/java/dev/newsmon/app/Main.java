package dev.newsmon.app;

import dev.newsmon.app.cli.BenchPointer;
import dev.newsmon.app.cli.ConfigCommand;
import dev.newsmon.app.cli.DemoCommand;
import dev.newsmon.app.cli.FeedCommand;
import dev.newsmon.app.cli.FeedsCommand;
import dev.newsmon.app.cli.IngestCommand;
import dev.newsmon.app.cli.ProcessorCommand;
import dev.newsmon.app.cli.RulesCommand;
import dev.newsmon.app.cli.RunCommand;
import dev.newsmon.app.cli.SinkCommand;
import dev.newsmon.app.cli.SubscribersCommand;
import dev.newsmon.app.cli.SubscriptionsCommand;
import dev.newsmon.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The newsmon command line. Each subcommand is a thin shell over the services' own builders. */
@Command(name = "newsmon", mixinStandardHelpOptions = true, version = "newsmon 0.1.0",
        description = "Streaming news monitor on Apache Kafka: one alert per story, with the outlets that carried it.",
        subcommands = {DemoCommand.class, RunCommand.class, FeedCommand.class, FeedsCommand.class,
                IngestCommand.class, ProcessorCommand.class, SinkCommand.class, ConfigCommand.class,
                RulesCommand.class, SubscriptionsCommand.class, SubscribersCommand.class, BenchPointer.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a configuration or input the user must fix: one line on stderr, no stack trace. */
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("newsmon: " + e.getMessage());
                return USAGE;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
