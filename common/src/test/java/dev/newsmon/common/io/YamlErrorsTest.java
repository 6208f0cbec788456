package dev.newsmon.common.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class YamlErrorsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void aSyntaxErrorIsTheProblemAndWhereInOneLine() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> YAML.readTree("feeds:\n  - url: [unclosed\n"));
        assertEquals("expected ',' or ']', but got <stream end> (line 3, column 1)", YamlErrors.describe(e));
    }

    @Test
    void aBadIndentIsNamedWithItsLine() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> YAML.readTree("a: 1\n b: 2\n"));
        String reason = YamlErrors.describe(e);
        assertEquals(1, reason.lines().count(), reason);
        assertEquals(true, reason.endsWith("(line 2, column 3)"), reason);
    }
}
