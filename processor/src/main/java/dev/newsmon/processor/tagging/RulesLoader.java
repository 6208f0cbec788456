package dev.newsmon.processor.tagging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.common.io.FileErrors;
import dev.newsmon.common.io.YamlErrors;
import org.apache.lucene.queryparser.classic.ParseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rules file (see config/rules.yaml for the format) and checks all of it, every query included, before
 * returning: a file with one bad query yields an exception, never a partial rule set.
 */
public final class RulesLoader {
    private static final YAMLFactory YAML_FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper YAML = new ObjectMapper(YAML_FACTORY);
    private static final Set<String> ROOT_KEYS = Set.of("version", "tags");
    private static final Set<String> TAG_KEYS = Set.of("priority", "min_score", "relevance", "mentions", "queries");
    private static final Set<String> QUERY_KEYS = Set.of("name", "query", "in", "context", "context_in",
            "mentions");
    private static final int DERIVED_VERSION_LENGTH = 12;

    private RulesLoader() {
    }

    public static Rules load(Path file) throws RulesException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RulesException("cannot read rules file " + file + ": " + FileErrors.reason(e), e);
        }
        return parse(bytes, file.toString());
    }

    /**
     * @param yaml       the file's bytes
     * @param sourceName how messages name the file
     */
    public static Rules parse(byte[] yaml, String sourceName) throws RulesException {
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = YAML.readTree(yaml);
            lines = linesByPointer(yaml);
        } catch (JsonProcessingException e) {
            throw new RulesException(sourceName + ": not valid YAML: " + YamlErrors.describe(e), e);
        } catch (IOException e) {
            throw new RulesException(sourceName + ": cannot parse: " + e, e);
        }
        return new Reader(sourceName, lines).rules(root, yaml);
    }

    /** Line of every key and array element, by JSON pointer; the tree model keeps no locations. */
    private static Map<String, Integer> linesByPointer(byte[] yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML_FACTORY.createParser(yaml)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                // A token that opens a mapping or list has already entered it; its place is in the parent.
                JsonStreamContext at = p.getParsingContext();
                if (token.isStructStart()) {
                    at = at.getParent();
                }
                boolean elementStart = at.inArray() && (token.isScalarValue() || token.isStructStart());
                if (token == JsonToken.FIELD_NAME || elementStart) {
                    lines.putIfAbsent(at.pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }

    private static String derivedVersion(byte[] yaml) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(yaml);
            return HexFormat.of().formatHex(hash).substring(0, DERIVED_VERSION_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Walks the tree of one file, naming the place of every problem. */
    private static final class Reader {
        private final String source;
        private final Map<String, Integer> lines;

        Reader(String source, Map<String, Integer> lines) {
            this.source = source;
            this.lines = lines;
        }

        Rules rules(JsonNode root, byte[] yaml) throws RulesException {
            if (root == null || !root.isObject()) {
                throw error("", "", "the file must be a mapping with a 'tags' key");
            }
            checkKeys(root, ROOT_KEYS, "", "");
            JsonNode version = root.get("version");
            if (version != null && !version.isValueNode()) {
                throw error("/version", "", "version must be a single value");
            }
            JsonNode tags = root.get("tags");
            if (tags == null || !tags.isObject() || tags.isEmpty()) {
                throw error("/tags", "", "'tags' must be a mapping with at least one tag");
            }
            List<TagRule> rules = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> tag = it.next();
                rules.add(tag(tag.getKey(), tag.getValue()));
            }
            String stated = version == null || version.isNull() ? "" : version.asText().trim();
            return new Rules(stated.isEmpty() ? derivedVersion(yaml) : stated, rules);
        }

        private TagRule tag(String name, JsonNode node) throws RulesException {
            String at = "/tags/" + escape(name);
            String what = "tag '" + name + "'";
            if (name.isBlank() || name.contains("/")) {
                throw error(at, what, "a tag name must be non-blank and must not contain '/'");
            }
            if (node == null || !node.isObject()) {
                throw error(at, what, "a tag must be a mapping with 'queries'");
            }
            checkKeys(node, TAG_KEYS, at, what);
            int priority = 0;
            JsonNode p = node.get("priority");
            if (p != null) {
                if (!p.isInt()) {
                    throw error(at + "/priority", what, "priority must be an integer, got '" + p.asText() + "'");
                }
                priority = p.intValue();
            }
            double minScore = 0;
            JsonNode s = node.get("min_score");
            if (s != null) {
                if (!s.isNumber() || s.doubleValue() < 0 || !Double.isFinite(s.doubleValue())) {
                    throw error(at + "/min_score", what, "min_score must be a number >= 0, got '" + s.asText() + "'");
                }
                minScore = s.doubleValue();
            }
            double relevance = TagRule.DEFAULT_RELEVANCE;
            JsonNode r = node.get("relevance");
            if (r != null) {
                if (!r.isNumber() || r.doubleValue() < 0 || r.doubleValue() > 1) {
                    throw error(at + "/relevance", what, "relevance must be a number from 0 to 1, got '"
                            + r.asText() + "'");
                }
                relevance = r.doubleValue();
            }
            int mentions = TagRule.DEFAULT_MENTIONS;
            JsonNode m = node.get("mentions");
            if (m != null) {
                if (!m.isInt() || m.intValue() < 1) {
                    throw error(at + "/mentions", what, "mentions must be an integer >= 1, got '" + m.asText() + "'");
                }
                mentions = m.intValue();
            }
            JsonNode queries = node.get("queries");
            if (queries == null || !queries.isArray() || queries.isEmpty()) {
                throw error(at, what, "'queries' must be a list with at least one query");
            }
            List<RuleQuery> out = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < queries.size(); i++) {
                RuleQuery q = query(queries.get(i), at + "/queries/" + i, what);
                if (!names.add(q.name())) {
                    throw error(at + "/queries/" + i, what + " query '" + q.name() + "'", "duplicate query name");
                }
                out.add(q);
            }
            return new TagRule(name, priority, minScore, relevance, mentions, out);
        }

        private RuleQuery query(JsonNode node, String at, String tagWhat) throws RulesException {
            if (!node.isObject()) {
                throw error(at, tagWhat, "each query must be a mapping with 'name' and 'query'");
            }
            checkKeys(node, QUERY_KEYS, at, tagWhat);
            String name = text(node, "name", at, tagWhat);
            String what = tagWhat + " query '" + name + "'";
            String query = parsed(text(node, "query", at, what), at + "/query", what);
            String context = node.has("context") ? parsed(text(node, "context", at, what), at + "/context", what) : null;
            if (context == null && node.has("context_in")) {
                throw error(at + "/context_in", what, "'context_in' needs a 'context'");
            }
            int mentions = 0;
            JsonNode m = node.get("mentions");
            if (m != null) {
                if (!m.isInt() || m.intValue() < 1) {
                    throw error(at + "/mentions", what, "mentions must be an integer >= 1, got '" + m.asText() + "'");
                }
                mentions = m.intValue();
            }
            return new RuleQuery(name, query, scope(node.get("in"), at + "/in", "in", what), context,
                    scope(node.get("context_in"), at + "/context_in", "context_in", what), mentions);
        }

        private String parsed(String query, String at, String what) throws RulesException {
            try {
                RuleQueryParser.parse(query);
                return query;
            } catch (ParseException e) {
                throw error(at, what, "invalid query: " + RuleQueryParser.describe(e));
            }
        }

        private RuleQuery.Scope scope(JsonNode in, String at, String key, String what) throws RulesException {
            if (in == null) {
                return RuleQuery.Scope.BODY;
            }
            for (RuleQuery.Scope s : RuleQuery.Scope.values()) {
                if (s.wireName().equals(in.asText()) && in.isTextual()) {
                    return s;
                }
            }
            throw error(at, what, "'" + key + "' must be title, lead or body, got '" + in.asText() + "'");
        }

        private String text(JsonNode node, String key, String at, String what) throws RulesException {
            JsonNode v = node.get(key);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw error(v == null ? at : at + "/" + key, what,
                        "'" + key + "' is missing or not a non-blank string");
            }
            return v.asText();
        }

        private void checkKeys(JsonNode node, Set<String> allowed, String at, String what) throws RulesException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw error(at + "/" + escape(key), what, "unknown key '" + key + "' (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        private RulesException error(String pointer, String what, String reason) {
            Integer line = null;
            for (String p = pointer; line == null && !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
                line = lines.get(p);
            }
            return new RulesException(source + (line == null ? "" : ":" + line) + ": "
                    + (what.isEmpty() ? "" : what + ": ") + reason);
        }

        private static String escape(String key) {
            return key.replace("~", "~0").replace("/", "~1");
        }
    }
}
