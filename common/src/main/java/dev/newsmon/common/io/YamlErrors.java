package dev.newsmon.common.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says in one line why a YAML file did not parse. SnakeYAML's own message spans several lines, with the context,
 * a copy of the offending line and a caret under it; printed after "newsmon:" it reads as several errors.
 */
public final class YamlErrors {
    private YamlErrors() {
    }

    /** "expected ',' or ']', but got &lt;stream end&gt; (line 2, column 1)". */
    public static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            Mark mark = marked.getProblemMark();
            return marked.getProblem() + (mark == null ? ""
                    : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")");
        }
        String first = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").trim();
        return e.getLocation() == null ? first : first + " (line " + e.getLocation().getLineNr() + ")";
    }
}
