package dev.newsmon.app.cli;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.subscriptions.SubscriptionCheck;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.subscription.ChannelSpec;
import dev.newsmon.common.subscription.Subscription;
import dev.newsmon.common.subscription.SubscriptionException;
import dev.newsmon.common.subscription.SubscriptionFile;
import dev.newsmon.common.subscription.SubscriptionsTopic;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;

@Command(name = "subscriptions", mixinStandardHelpOptions = true,
        description = "Edit the subscriptions: the compacted topic " + Topics.SUBSCRIPTIONS + " on --bootstrap-servers."
                + " Each subscription's matching alerts go to news.alerts.<name> and to its channels; running"
                + " services apply a change within a second. See docs/subscriptions.md.",
        subcommands = {SubscriptionsCommand.Add.class, SubscriptionsCommand.Remove.class,
                SubscriptionsCommand.ListSubscriptions.class, SubscriptionsCommand.Export.class,
                SubscriptionsCommand.Import.class})
public final class SubscriptionsCommand implements Runnable {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** What every subcommand shares: the cluster, and a refused subscription as one line on stderr and exit 2. */
    abstract static class Edit extends TopicEdit<SubscriptionException> {
        Edit() {
            super(SubscriptionException.class);
        }

        static SortedMap<String, Subscription> current(NewsmonConfig config) throws Exception {
            return SubscriptionsTopic.read(config, READ_TIMEOUT);
        }

        /** Reads and checks the whole file first: one bad subscription and nothing is published. */
        static List<Subscription> readChecked(Path file) throws Exception {
            List<Subscription> subscriptions = SubscriptionFile.read(Files.readAllBytes(file), file.toString());
            SubscriptionCheck.check(subscriptions, file.toString());
            return subscriptions;
        }

        /** Creates each subscription's topic, then publishes them: an alert never waits for a missing topic. */
        static void publish(NewsmonConfig config, List<Subscription> subscriptions) throws Exception {
            try (Admin admin = Cluster.admin(config)) {
                for (Subscription s : subscriptions) {
                    SubscriptionsTopic.ensureAlertTopic(admin, config, s.name());
                }
            }
            try (SubscriptionsTopic topic = SubscriptionsTopic.create(config)) {
                topic.put(subscriptions);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a subscription written in a YAML file, or replaces the one of that name. A"
                    + " subscription with an error is refused whole (exit 2, naming the field).")
    static final class Add extends Edit {
        @Parameters(paramLabel = "FILE", description = "One subscription as YAML (see docs/subscriptions.md).")
        Path file;

        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            List<Subscription> read = readChecked(file);
            if (read.size() != 1) {
                throw new SubscriptionException(file + ": add takes one subscription, the file holds " + read.size()
                        + " (use import)");
            }
            publish(config, read);
            out.println("added " + read.get(0).name() + ": its alerts go to "
                    + Topics.subscriptionAlerts(read.get(0).name()));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes a subscription: its topic gets nothing more (its retention empties it) and its"
                    + " channels no message. Exits 2 if there is no such subscription.")
    static final class Remove extends Edit {
        @Parameters(paramLabel = "NAME", description = "The subscription's name.")
        String name;

        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            if (!current(config).containsKey(name)) {
                throw new SubscriptionException("no subscription " + name + " in " + Topics.SUBSCRIPTIONS
                        + " (see 'newsmon subscriptions list')");
            }
            try (SubscriptionsTopic topic = SubscriptionsTopic.create(config)) {
                topic.remove(name);
            }
            out.println("removed " + name);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Prints every subscription, one a line: name, topic, channel types, digest, filter.")
    static final class ListSubscriptions extends Edit {
        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            for (Subscription s : current(config).values()) {
                Subscription.Filter f = s.filter();
                out.println(String.join("\t", s.name(), Topics.subscriptionAlerts(s.name()),
                        s.channels().stream().map(ChannelSpec::type).collect(Collectors.joining(",")),
                        "digest=" + s.digest().wireName() + (s.instant() ? "" : " (digest only)"),
                        "tags_any=" + f.tagsAny() + " tags_all=" + f.tagsAll() + " min_outlets=" + f.minOutlets()
                                + (f.language() == null ? "" : " language=" + f.language())
                                + (f.mutedOutlets().isEmpty() ? "" : " muted=" + f.mutedOutlets())
                                + (f.query() == null ? "" : " query=" + f.query())));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Prints every subscription as one YAML file that import reads back.")
    static final class Export extends Edit {
        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            out.print(SubscriptionFile.render(List.copyOf(current(config).values())));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Adds every subscription of a YAML file (as export writes it), replacing those of the same"
                    + " names; others stay. One with an error refuses the whole file: nothing is published.")
    static final class Import extends Edit {
        @Parameters(paramLabel = "FILE", description = "The subscriptions.")
        Path file;

        @Override
        int run(NewsmonConfig config, PrintWriter out) throws Exception {
            List<Subscription> read = readChecked(file);
            publish(config, read);
            out.println("imported " + read.size() + " subscriptions from " + file + " into " + Topics.SUBSCRIPTIONS);
            return 0;
        }
    }
}
