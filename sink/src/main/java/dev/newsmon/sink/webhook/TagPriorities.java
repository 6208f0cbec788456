package dev.newsmon.sink.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.common.model.Alert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The priority of each tag, as the rules file states it ({@code tags.<name>.priority}, default 0). An alert's
 * priority is the highest of its tags'. Read by the sink from the same rules file the processor uses, so the
 * alert message needs no field for it.
 */
public record TagPriorities(Map<String, Integer> byTag) {
    public TagPriorities {
        byTag = Map.copyOf(byTag);
    }

    public static TagPriorities none() {
        return new TagPriorities(Map.of());
    }

    public static TagPriorities load(Path rules) throws IOException {
        JsonNode tags = new ObjectMapper(new YAMLFactory()).readTree(rules.toFile()).path("tags");
        Map<String, Integer> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            out.put(tag.getKey(), tag.getValue().path("priority").asInt(0));
        }
        return new TagPriorities(out);
    }

    public int of(Alert alert) {
        return alert.tags().stream().mapToInt(t -> byTag.getOrDefault(t, 0)).max().orElse(0);
    }
}
