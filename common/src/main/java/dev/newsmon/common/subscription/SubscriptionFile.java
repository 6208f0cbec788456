package dev.newsmon.common.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.common.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Subscriptions as a person writes them: YAML (or JSON, which is YAML too) with the fields of the topic's JSON.
 * A file holds one subscription, a list of them, or {@code subscriptions:} and a list. Reading is strict: a field
 * newsmon does not know is an error naming it, not a setting silently ignored.
 */
public final class SubscriptionFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectReader STRICT = Json.mapper().readerFor(Subscription.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String LIST_FIELD = "subscriptions";

    private SubscriptionFile() {
    }

    /**
     * Every subscription of the file, as written: a field that is unknown or of the wrong type is an error here;
     * what the values mean is for the caller to check ({@link Subscription#problems()} and more).
     */
    public static List<Subscription> read(byte[] content, String source) throws SubscriptionException {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (IOException e) {
            throw new SubscriptionException(source + ": not YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new SubscriptionException(source + ": holds no subscription");
        }
        JsonNode list = root.isObject() && root.has(LIST_FIELD) ? root.get(LIST_FIELD) : root;
        List<JsonNode> nodes = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(nodes::add);
        } else {
            nodes.add(list);
        }
        List<Subscription> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String where = nodes.size() == 1 ? source : source + " subscription " + (i + 1);
            out.add(parse(nodes.get(i), where));
        }
        return out;
    }

    /** The error that refuses a subscription: its name (or where it stands) and every problem, one per line. */
    public static SubscriptionException invalid(String name, String where, List<String> problems) {
        String who = name == null || name.isBlank() ? where : "subscription " + name + " (" + where + ")";
        return new SubscriptionException(who + ": " + String.join("; ", problems));
    }

    /** The subscriptions as one YAML file that {@link #read} reads back. */
    public static String render(List<Subscription> subscriptions) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set(LIST_FIELD, Json.mapper().valueToTree(subscriptions));
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a subscription tree always renders as YAML", e);
        }
    }

    private static Subscription parse(JsonNode node, String where) throws SubscriptionException {
        if (!node.isObject()) {
            throw new SubscriptionException(where + ": a subscription is a mapping of fields, got " + node.getNodeType());
        }
        try {
            return STRICT.readValue(node);
        } catch (UnrecognizedPropertyException e) {
            throw new SubscriptionException(where + ": " + field(e) + ": not a field of a subscription (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")", e);
        } catch (JsonMappingException e) {
            throw new SubscriptionException(where + ": " + field(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SubscriptionException(where + ": " + e.getMessage(), e);
        }
    }

    /** The path of the field an error is about, as written: {@code filter.min_outlets}, {@code channels[0].to}. */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(top)" : path.toString();
    }
}
