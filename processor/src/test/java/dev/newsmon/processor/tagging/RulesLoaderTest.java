package dev.newsmon.processor.tagging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesLoaderTest {

    private static Rules parse(String yaml) throws RulesException {
        return RulesLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    private static String failure(String yaml) {
        return assertThrows(RulesException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsAValidFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                version: 2026-11-29.1
                tags:
                  space-station:
                    priority: 2
                    min_score: 0.5
                    queries:
                      - name: named-station
                        query: '"space station" OR title:ISS'
                      - name: spacewalks
                        query: spacewalk*
                  other:
                    queries:
                      - name: q
                        query: nasa
                """);
        Rules rules = RulesLoader.load(file);
        assertEquals(new Rules("2026-11-29.1", List.of(
                new TagRule("space-station", 2, 0.5, List.of(
                        new RuleQuery("named-station", "\"space station\" OR title:ISS"),
                        new RuleQuery("spacewalks", "spacewalk*"))),
                new TagRule("other", 0, 0, List.of(new RuleQuery("q", "nasa"))))), rules);
    }

    @Test
    void readsAboutnessSettings() throws Exception {
        Rules rules = parse("""
                tags:
                  space-station:
                    relevance: 0.7
                    mentions: 4
                    queries:
                      - name: iss
                        query: ISS
                        context: nasa OR roscosmos
                        context_in: lead
                        mentions: 1
                      - name: headline
                        query: station
                        in: title
                """);
        assertEquals(new TagRule("space-station", 0, 0, 0.7, 4, List.of(
                new RuleQuery("iss", "ISS", RuleQuery.Scope.BODY, "nasa OR roscosmos", RuleQuery.Scope.LEAD, 1),
                new RuleQuery("headline", "station", RuleQuery.Scope.TITLE, null, RuleQuery.Scope.BODY, 0))),
                rules.tags().get(0));
    }

    @Test
    void badAboutnessSettingsNameTheLineAndTheReason() {
        String in = failure("tags:\n  t:\n    queries:\n      - name: q\n        query: nasa\n        in: middle\n");
        assertTrue(in.startsWith("test.yaml:6: tag 't' query 'q': 'in' must be title, lead or body"), in);
        String relevance = failure("tags:\n  t:\n    relevance: 2\n    queries:\n      - {name: q, query: nasa}\n");
        assertTrue(relevance.contains("test.yaml:3:") && relevance.contains("relevance must be a number from 0 to 1"),
                relevance);
        String mentions = failure("tags:\n  t:\n    mentions: 0\n    queries:\n      - {name: q, query: nasa}\n");
        assertTrue(mentions.contains("mentions must be an integer >= 1"), mentions);
        String context = failure("tags:\n  t:\n    queries:\n      - name: q\n        query: nasa\n"
                + "        context: '(unclosed'\n");
        assertTrue(context.startsWith("test.yaml:6: tag 't' query 'q': invalid query"), context);
    }

    @Test
    void versionDefaultsToTheStartOfTheFileHash() throws Exception {
        String yaml = "tags:\n  t:\n    queries:\n      - {name: q, query: nasa}\n";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(yaml.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        assertEquals(expected, parse(yaml).version());
        assertNotEquals(expected, parse(yaml + "# changed\n").version(), "another file, another version");
    }

    @Test
    void badQueryNamesTagQueryLineAndReason() {
        String message = failure("""
                tags:
                  space-station:
                    queries:
                      - name: fine
                        query: nasa
                      - name: broken
                        query: 'title:(ISS AND'
                """);
        assertTrue(message.startsWith("test.yaml:7: tag 'space-station' query 'broken': invalid query: "), message);
        assertTrue(message.endsWith("invalid query: the query ends too soon: an unclosed parenthesis or quote?"),
                "the parser's reason in one line: " + message);
    }

    @Test
    void missingPartsAreNamed() {
        assertTrue(failure("version: 1\n").contains("'tags' must be a mapping"), "no tags");
        assertEquals("test.yaml:2: tag 't': 'queries' must be a list with at least one query",
                failure("tags:\n  t:\n    priority: 1\n"));
        assertEquals("test.yaml:4: tag 't': 'name' is missing or not a non-blank string",
                failure("tags:\n  t:\n    queries:\n      - query: nasa\n"));
        assertEquals("test.yaml:4: tag 't' query 'q': 'query' is missing or not a non-blank string",
                failure("tags:\n  t:\n    queries:\n      - name: q\n"));
        assertEquals("test.yaml:5: tag 't' query 'q': 'query' is missing or not a non-blank string",
                failure("tags:\n  t:\n    queries:\n      - name: q\n        query: ' '\n"));
    }

    @Test
    void wrongTypesDuplicatesAndTyposAreRejected() {
        String head = "tags:\n  t:\n";
        String query = "    queries:\n      - {name: q, query: nasa}\n";
        assertEquals("test.yaml:3: tag 't': priority must be an integer, got 'high'",
                failure(head + "    priority: high\n" + query));
        assertEquals("test.yaml:3: tag 't': min_score must be a number >= 0, got '-1'",
                failure(head + "    min_score: -1\n" + query));
        assertTrue(failure(head + "    minscore: 1\n" + query)
                .startsWith("test.yaml:3: tag 't': unknown key 'minscore'"));
        assertEquals("test.yaml:5: tag 't' query 'q': duplicate query name",
                failure(head + query + "      - {name: q, query: esa}\n"));
        assertTrue(failure("tags:\n  a/b:\n" + query).contains("must not contain '/'"));
        String duplicateTag = failure(head + query + "  t:\n" + query);
        assertTrue(duplicateTag.contains("Duplicate field 't'"), duplicateTag);
        assertTrue(failure(head + "    queries:\n      - {name: q, query: '!!!'}\n").contains("invalid query"));
    }

    @Test
    void unreadableFileIsARulesException(@TempDir Path dir) {
        RulesException e = assertThrows(RulesException.class, () -> RulesLoader.load(dir.resolve("missing.yaml")));
        assertTrue(e.getMessage().startsWith("cannot read rules file "), e.getMessage());
    }

    @Test
    void shippedRulesLoad() throws RulesException {
        Rules rules = RulesLoader.load(Path.of("../config/rules.yaml"));
        assertEquals(List.of("space-station", "russia-us-cooperation"),
                rules.tags().stream().map(TagRule::name).toList());
    }
}
