package dev.newsmon.app.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsmon.app.Main;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.FeedReader;
import dev.newsmon.ingest.feedlist.FeedListException;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.FetchException;
import dev.newsmon.ingest.parse.FeedParseException;
import picocli.CommandLine.Command;
import dev.newsmon.ingest.parse.FeedParser;
import dev.newsmon.ingest.parse.conformance.Conformance;
import dev.newsmon.ingest.parse.conformance.FolderResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "feed", mixinStandardHelpOptions = true, description = "Work with one feed.",
        subcommands = {FeedCommand.Parse.class, FeedCommand.ConformanceRun.class})
public final class FeedCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = "Fetches and parses one feed and prints its items as JSON lines, as ingest would "
                    + "produce them. Exits 2 with a one-line error on a feed it cannot read.")
    static final class Parse implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE|URL", description = "A feed file or an http(s) URL.")
        String feed;

        @Override
        public Integer call() throws Exception {
            FeedReader reader = FeedReader.create(options.load(Map.of()));
            List<FeedItem> items;
            try {
                items = reader.read(FeedSource.of(feed));
            } catch (FetchException | FeedParseException | FeedListException e) {
                spec.commandLine().getErr().println("newsmon: " + e.getMessage());
                return Main.USAGE;
            }
            ObjectWriter writer = Json.mapper().writer();
            PrintWriter out = spec.commandLine().getOut();
            for (FeedItem item : items) {
                out.println(writer.writeValueAsString(item));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "conformance", mixinStandardHelpOptions = true,
            description = "Parses the gofeed and feedparser test corpora under DIR as ingest would, prints the "
                    + "pass rate per folder, then the failing files by reason. Exits 0 whatever the rates, 2 when "
                    + "DIR holds no known corpus folder.")
    static final class ConformanceRun implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The corpora root, e.g. ../shared/corpora.")
        Path dir;

        @Option(names = {"-v", "--verbose"}, description = "Also print each failing file's particulars.")
        boolean verbose;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<FolderResult> results = Files.isDirectory(dir) ? new Conformance(new FeedParser()).run(dir) : List.of();
            if (results.isEmpty()) {
                spec.commandLine().getErr().println("newsmon: no gofeed or feedparser corpus folder under " + dir);
                return Main.USAGE;
            }
            PrintWriter out = spec.commandLine().getOut();
            for (FolderResult r : results) {
                out.printf(Locale.ROOT, "%-32s %5d/%-5d %6.1f%%%n", r.folder(), r.passed(), r.checked(),
                        r.passRate());
            }
            for (FolderResult r : results) {
                if (!r.failures().isEmpty()) {
                    out.printf(Locale.ROOT, "%n%s: %d failing, by reason%n", r.folder(), r.failures().size());
                    r.failuresByKind().forEach((kind, failures) -> printKind(out, r.folder(), kind, failures));
                }
            }
            out.flush();
            return 0;
        }

        private void printKind(PrintWriter out, String folder, String kind, List<FolderResult.Failure> failures) {
            out.printf(Locale.ROOT, "  %s (%d):%n", kind, failures.size());
            for (FolderResult.Failure f : failures) {
                String file = f.file().startsWith(folder + "/") ? f.file().substring(folder.length() + 1) : f.file();
                out.println(verbose ? "    " + file + ": " + f.reason() : "    " + file);
            }
        }
    }
}
