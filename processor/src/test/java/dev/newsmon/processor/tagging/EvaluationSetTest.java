package dev.newsmon.processor.tagging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped rules against the labelled evaluation set (src/test/resources/eval, written for newsmon: fictional
 * outlets, original sentences), through the same {@link Backtest} that {@code newsmon rules test} runs.
 */
class EvaluationSetTest {
    static final Path ITEMS = Path.of("src/test/resources/eval/items.jsonl");
    static final Path LABELS = Path.of("src/test/resources/eval/labels.jsonl");
    private static final double MIN_F1 = 0.95;

    private static RuleTagger tagger;
    private static BacktestReport report;

    @BeforeAll
    static void run() throws Exception {
        tagger = RuleTagger.load(Path.of("../config/rules.yaml"));
        Backtest backtest = Backtest.of(tagger, Labels.read(LABELS));
        JsonlItems.read(ITEMS, backtest::add);
        report = backtest.report();
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    @Test
    void theSetIsLargeAndEveryItemIsLabelled() {
        assertTrue(report.items() >= 150, "items: " + report.items());
        assertEquals(report.items(), report.labelled(), "every item has a label");
    }

    @Test
    void everyDefaultTagReachesTheF1Bar() {
        for (String tag : List.of("space-station", "russia-us-cooperation")) {
            BacktestReport.TagStats stats = report.tag(tag).orElseThrow();
            assertTrue(stats.f1() >= MIN_F1, tag + " F1 " + stats.f1() + "\n" + BacktestFormat.render(report));
        }
    }
}
