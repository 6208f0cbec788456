package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.json.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code newsmon feed parse} on the feeds real sites serve (fixtures under fixtures/charsets, written for these
 * tests): Russian charsets, UTF-16, blank lines before the XML declaration, a body cut off mid-item.
 */
class FeedParseCommandTest {
    private static List<JsonNode> parse(String fixture) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute("feed", "parse", path(fixture).toString()), err::toString);
        List<JsonNode> items = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                items.add(Json.mapper().readTree(line));
            }
        }
        return items;
    }

    private static Path path(String fixture) throws URISyntaxException {
        return Path.of(FeedParseCommandTest.class.getResource("/fixtures/charsets/" + fixture).toURI());
    }

    private static List<String> field(List<JsonNode> items, String name) {
        return items.stream().map(i -> i.path(name).isNull() ? null : i.path(name).asText()).toList();
    }

    @Test
    void windows1251() throws Exception {
        List<JsonNode> items = parse("zarechye-windows-1251.xml");
        assertEquals(List.of("Экипаж станции провёл плановый выход в открытый космос",
                "В Заречье открыли новую библиотеку"), field(items, "title"));
        assertEquals("Вестник Заречья", items.get(0).path("outlet").asText());
        assertEquals(List.of("ru", "ru"), field(items, "language"), "from <language>ru-RU</language>");
    }

    @Test
    void koi8rWithItsLanguageDetected() throws Exception {
        List<JsonNode> items = parse("zarya-koi8-r.xml");
        assertEquals(List.of("Грузовой корабль доставил на орбиту воду и продукты",
                "Морозы вернутся в область к выходным"), field(items, "title"));
        assertEquals("Корабль причалил к станции в субботу утром, через двое суток после старта с космодрома.",
                items.get(0).path("text").asText());
        assertEquals(List.of("ru", "ru"), field(items, "language"), "the feed declares none: detected");
    }

    @Test
    void utf16WithAByteOrderMark() throws Exception {
        List<JsonNode> items = parse("kuryer-utf-16-bom.xml");
        assertEquals(List.of("Школьники вырастили саженцы для нового парка"), field(items, "title"));
        assertEquals(List.of("ru"), field(items, "language"));
    }

    @Test
    void utf16BigEndianWithoutAByteOrderMark() throws Exception {
        List<JsonNode> items = parse("pinewood-utf-16be-no-bom.xml");
        assertEquals(List.of("Volunteers repaint the old lighthouse before the summer season"), field(items, "title"));
        assertEquals(List.of("en"), field(items, "language"), "the feed declares none: detected");
    }

    @Test
    void blankLinesBeforeTheXmlDeclaration() throws Exception {
        List<JsonNode> items = parse("harbor-leading-blank-lines.xml");
        assertEquals(List.of("Ferry timetable changes for the winter months",
                "Fish market reopens after its roof repair"), field(items, "title"));
        assertEquals(List.of("en", "en"), field(items, "language"));
    }

    @Test
    void cutOffMidItemGivesTheCompleteItems() throws Exception {
        List<JsonNode> items = parse("almanac-cut-mid-item.xml");
        assertEquals(List.of("Bridge inspection closes one lane for a week", "Library extends its evening hours"),
                field(items, "title"), "the third item was cut off in its description and is left out");
        assertEquals(List.of("https://riverside-almanac.example/news/1", "https://riverside-almanac.example/news/2"),
                field(items, "url"));
    }
}
