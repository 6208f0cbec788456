package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestTest {
    private static final String TAG = "space-station";
    /** Tags every item whose title names a station, in either language: a keyword filter to count with. */
    private static final Tagger BY_TITLE = item -> item.title().contains("станц") || item.title().contains("station")
            ? new TagResult(List.of(TAG), Map.of(), Map.of(), "v1") : TagResult.untagged("v1");

    private static FeedItem item(String id, String title, String text) {
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://languages.example/feed.xml", "Languages",
                "https://languages.example/" + id, title, text, null, Instant.EPOCH);
    }

    @Test
    void figuresAreReportedPerLanguageOfTheItemsScript() {
        Labels labels = Labels.of(Map.of(
                "https://languages.example/en-1", Set.of(TAG),
                "https://languages.example/en-2", Set.of(),
                "https://languages.example/ru-1", Set.of(TAG),
                "https://languages.example/ru-2", Set.of(),
                "https://languages.example/ru-3", Set.of(TAG)));
        Backtest backtest = new Backtest(BY_TITLE, List.of(TAG), labels);
        backtest.add(item("en-1", "Crew docks at the space station", "The Soyuz docked on Tuesday."));
        backtest.add(item("ru-1", "Экипаж прибыл на станцию", "«Союз МС-29» пристыковался к МКС."));
        backtest.add(item("en-2", "Gas station prices rise", "Fuel costs more at every pump."));
        // Mostly Cyrillic with a Latin name in it: Russian.
        backtest.add(item("ru-2", "Заправочная станция закрыта", "Сеть АЗС Petrol Plus закрыла станцию."));
        backtest.add(item("ru-3", "Экипаж вернулся", "Crew Dragon приводнился у побережья Флориды."));

        BacktestReport report = backtest.report();

        assertEquals(List.of("en", "ru"), List.copyOf(report.languages().keySet()));
        BacktestReport.Language en = report.languages().get("en");
        BacktestReport.Language ru = report.languages().get("ru");
        assertEquals(2, en.items());
        assertEquals(3, ru.items());
        BacktestReport.TagStats enStats = en.tags().get(0);
        assertEquals(List.of(1, 1, 0), List.of(enStats.truePositives(), enStats.falsePositives().size(),
                enStats.falseNegatives().size()));
        BacktestReport.TagStats ruStats = ru.tags().get(0);
        assertEquals(List.of(1, 1, 1), List.of(ruStats.truePositives(), ruStats.falsePositives().size(),
                ruStats.falseNegatives().size()));
        assertEquals(2, report.tag(TAG).orElseThrow().truePositives(), "the overall figures count both languages");

        String text = BacktestFormat.render(report);
        assertTrue(text.contains("5 items (en 2, ru 3), 5 labelled"), text);
        assertTrue(text.contains("| ru | 3 | space-station | 1 | 1 | 1 | 0.500 | 0.500 | 0.500 |"), text);
        assertTrue(text.contains("| en | 2 | space-station | 1 | 1 | 0 | 0.500 | 1.000 | 0.667 |"), text);
    }

    @Test
    void anItemsLanguageFieldWinsOverItsScript() {
        Labels labels = Labels.of(Map.of(
                "https://languages.example/uk-1", Set.of(TAG),
                "https://languages.example/de-1", Set.of()));
        Backtest backtest = new Backtest(BY_TITLE, List.of(TAG), labels);
        backtest.add(item("uk-1", "Екіпаж прибув на станцію", "Корабель пристикувався.").withLanguage("uk"));
        backtest.add(item("de-1", "Tankstelle geschlossen", "Die Preise steigen.").withLanguage("DE"));

        BacktestReport report = backtest.report();

        assertEquals(List.of("uk", "de"), List.copyOf(report.languages().keySet()),
                "a Ukrainian item is reported as uk, not as ru by its script; codes are lower-cased");
    }
}
