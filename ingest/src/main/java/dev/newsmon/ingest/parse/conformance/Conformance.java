package dev.newsmon.ingest.parse.conformance;

import dev.newsmon.ingest.parse.FeedParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures {@link FeedParser} against the public test corpora in a corpora root (see docs/feeds.md, "Conformance"):
 * gofeed's {@code testdata/parser/rss} and {@code testdata/parser/atom} pairs ({@link GofeedCheck}), and feedparser's
 * {@code tests/wellformed}, {@code tests/encoding} and {@code tests/illformed} bozo expectations
 * ({@link FeedparserCheck}). A folder missing from the root is left out of the result.
 */
public final class Conformance {
    public static final List<String> GOFEED_FOLDERS = List.of("gofeed/testdata/parser/rss", "gofeed/testdata/parser/atom");
    public static final List<String> FEEDPARSER_FOLDERS =
            List.of("feedparser/tests/wellformed", "feedparser/tests/encoding", "feedparser/tests/illformed");

    private final GofeedCheck gofeed;
    private final FeedparserCheck feedparser;

    public Conformance(FeedParser parser) {
        this.gofeed = new GofeedCheck(parser);
        this.feedparser = new FeedparserCheck(parser);
    }

    /** One result per corpus folder present under {@code root}, in the order of the folder lists above. */
    public List<FolderResult> run(Path root) throws IOException {
        List<FolderResult> results = new ArrayList<>();
        for (String folder : GOFEED_FOLDERS) {
            if (Files.isDirectory(root.resolve(folder))) {
                results.add(gofeedFolder(root, folder));
            }
        }
        for (String folder : FEEDPARSER_FOLDERS) {
            if (Files.isDirectory(root.resolve(folder))) {
                results.add(feedparserFolder(root, folder));
            }
        }
        return results;
    }

    private FolderResult gofeedFolder(Path root, String folder) throws IOException {
        int checked = 0;
        List<FolderResult.Failure> failures = new ArrayList<>();
        for (Path xml : xmlFiles(root.resolve(folder), false)) {
            Path json = xml.resolveSibling(xml.getFileName().toString().replaceFirst("\\.xml$", ".json"));
            if (Files.isRegularFile(json)) {
                checked++;
                FolderResult.Miss miss = gofeed.check(xml, json);
                if (miss != null) {
                    failures.add(new FolderResult.Failure(root.relativize(xml).toString(), miss.kind(), miss.reason()));
                }
            }
        }
        return new FolderResult(folder, checked, failures);
    }

    private FolderResult feedparserFolder(Path root, String folder) throws IOException {
        int checked = 0;
        List<FolderResult.Failure> failures = new ArrayList<>();
        for (Path xml : xmlFiles(root.resolve(folder), true)) {
            FeedparserCheck.Expectation expected = FeedparserCheck.expectation(Files.readAllBytes(xml));
            if (expected.mustParse() != null) {
                checked++;
                FolderResult.Miss miss = feedparser.check(xml, expected);
                if (miss != null) {
                    failures.add(new FolderResult.Failure(root.relativize(xml).toString(), miss.kind(), miss.reason()));
                }
            }
        }
        return new FolderResult(folder, checked, failures);
    }

    private static List<Path> xmlFiles(Path dir, boolean recursive) throws IOException {
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }
}
