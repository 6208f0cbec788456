package dev.newsmon.app.cli;

import dev.newsmon.app.Main;
import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.common.config.NewsmonConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A subcommand that edits one of newsmon's compacted topics on a cluster (feeds, subscriptions): it needs
 * {@code --bootstrap-servers}, and input the user must fix is one line on stderr and exit 2.
 *
 * @param <E> the exception that refuses the user's input
 */
abstract class TopicEdit<E extends Exception> implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    private final Class<E> refusal;

    TopicEdit(Class<E> refusal) {
        this.refusal = refusal;
    }

    @Override
    public Integer call() throws Exception {
        NewsmonConfig config = ServiceConfig.requireCluster(options.load(Map.of()),
                spec.parent().name() + " " + spec.name());
        try (Cluster cluster = Cluster.open(config)) {
            return run(cluster.config(), spec.commandLine().getOut());
        } catch (Exception e) {
            if (!refusal.isInstance(e)) {
                throw e;
            }
            spec.commandLine().getErr().println("newsmon: " + e.getMessage());
            return Main.USAGE;
        } finally {
            spec.commandLine().getOut().flush();
        }
    }

    abstract int run(NewsmonConfig config, PrintWriter out) throws Exception;
}
