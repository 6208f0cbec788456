package dev.newsmon.app.cli;

import dev.newsmon.app.Main;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.io.FileErrors;
import dev.newsmon.common.json.Json;
import dev.newsmon.ingest.FeedReader;
import dev.newsmon.processor.tagging.Backtest;
import dev.newsmon.processor.tagging.BacktestFormat;
import dev.newsmon.processor.tagging.Labels;
import dev.newsmon.processor.tagging.RuleTagger;
import dev.newsmon.processor.tagging.Rules;
import dev.newsmon.processor.tagging.RulesException;
import dev.newsmon.processor.tagging.RulesLoader;
import dev.newsmon.processor.tagging.RulesMessage;
import dev.newsmon.processor.tagging.RulesTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Test and publish tagging rules.",
        subcommands = {RulesCommand.Test.class, RulesCommand.Push.class})
public final class RulesCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs a rules file over archived items and prints per-tag counts with sample titles; "
                    + "with --labels, precision, recall and F1 per tag, overall and per language (ru for items "
                    + "mostly in Cyrillic, en otherwise), and the false positives and negatives with the terms "
                    + "that matched. Exits 2 on rules or input it cannot read.")
    static final class Test implements Callable<Integer> {
        /** On a terminal, a progress line every this many items. */
        private static final int PROGRESS_EVERY = 500;

        @Mixin
        ConfigOptions options;

        @Parameters(paramLabel = "FILE", description = "The rules file to test.")
        Path rulesFile;

        @Option(names = "--items", required = true, paramLabel = "ITEMS",
                description = "JSON lines of items (as in news.items), a feed file, or a folder of feed files.")
        Path items;

        @Option(names = "--labels", paramLabel = "LABELS.jsonl",
                description = "Expected tags, one {\"url\": ..., \"tags\": [...], \"category\": ...} per line; errors "
                        + "are counted per category and each is printed with its relevance and evidence.")
        Path labels;

        @Override
        public Integer call() throws Exception {
            NewsmonConfig config = options.load(Map.of());
            PrintStream err = System.err;
            boolean progress = System.console() != null;
            try {
                RuleTagger tagger = RuleTagger.load(rulesFile);
                Backtest backtest = Backtest.of(tagger, labels == null ? null : Labels.read(labels));
                new ArchiveItems(FeedReader.create(config), err).read(items, item -> {
                    backtest.add(item);
                    if (progress && backtest.items() % PROGRESS_EVERY == 0) {
                        err.print("\rread " + backtest.items() + " items");
                    }
                });
                if (progress) {
                    err.print("\r");
                }
                System.out.print(BacktestFormat.render(backtest.report()));
                return 0;
            } catch (RulesException e) {
                err.println("newsmon: " + e.getMessage());
                return Main.USAGE;
            } catch (IOException e) {
                err.println("newsmon: " + FileErrors.describe(e));
                return Main.USAGE;
            }
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Checks a rules file and publishes it to " + Topics.RULES + " on --bootstrap-servers; "
                    + "running processors tag the next item with it, without a restart. A file with an error is "
                    + "refused whole (exit 2, one line naming the line and the reason) and nothing is published.")
    static final class Push implements Callable<Integer> {
        private static final long SEND_TIMEOUT_SECONDS = 30;

        @Mixin
        ConfigOptions options;

        @Parameters(paramLabel = "FILE", description = "The rules file to publish.")
        Path rulesFile;

        @Override
        public Integer call() throws Exception {
            NewsmonConfig config = ServiceConfig.requireCluster(options.load(Map.of()), "rules push");
            RulesMessage message;
            try {
                byte[] yaml = Files.readAllBytes(rulesFile);
                Rules rules = RulesLoader.parse(yaml, rulesFile.toString());
                // Registering in a monitor is the last check the processor would make; do it before publishing.
                RuleTagger.create(rules);
                message = new RulesMessage(rules.version(), new String(yaml, StandardCharsets.UTF_8));
            } catch (RulesException | IllegalArgumentException e) {
                System.err.println("newsmon: " + e.getMessage());
                return Main.USAGE;
            } catch (IOException e) {
                System.err.println("newsmon: " + FileErrors.describe(e));
                return Main.USAGE;
            }
            try (Admin admin = Admin.create(config.kafkaProperties(Map.of()))) {
                RulesTopic.ensure(admin, config);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config.kafkaProperties(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)))) {
                producer.send(new ProducerRecord<>(Topics.RULES, RulesMessage.KEY,
                        Json.mapper().writeValueAsString(message))).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            System.out.println("published rules_version=" + message.version() + " to " + Topics.RULES);
            return 0;
        }
    }
}
