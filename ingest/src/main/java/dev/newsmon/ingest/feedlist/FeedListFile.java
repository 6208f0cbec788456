package dev.newsmon.ingest.feedlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsmon.common.config.ValueType;
import dev.newsmon.common.io.FileErrors;
import dev.newsmon.common.io.YamlErrors;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The file that lists the feeds to poll, in one of three formats:
 * <ul>
 *   <li>YAML ({@code .yaml}, {@code .yml}): {@code feeds: [{url: ..., name: ...}]}; an entry may also be a bare URL,
 *       and may carry {@code user_agent}, {@code headers} (a mapping) and its own {@code interval};</li>
 *   <li>OPML ({@code .opml}, or any XML file whose root is {@code <opml>}): every outline with an {@code xmlUrl},
 *       at any depth, named by its title or else its text;</li>
 *   <li>anything else is plain text: one URL per line, blank lines and lines starting with {@code #} skipped.</li>
 * </ul>
 * An entry may be a path instead of a URL; a relative one is taken from the list file's directory, so a demo list
 * can say {@code outlet-a.xml}. A feed without a name is named by its host (or file name). A URL listed twice is
 * kept once, with its first name.
 */
public final class FeedListFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern OPML_ROOT = Pattern.compile(
            "^\\uFEFF?\\s*(<\\?xml[^>]*\\?>\\s*)?(<!--.*?-->\\s*)*<opml[\\s>]", Pattern.DOTALL);
    private static final int SNIFF_CHARS = 4096;

    private FeedListFile() {
    }

    public static List<FeedSource> read(Path file) throws FeedListException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FeedListException("cannot read feed list " + file + ": " + FileErrors.reason(e), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        List<Entry> entries;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            entries = yaml(bytes, file);
        } else if (name.endsWith(".opml") || looksLikeOpml(bytes)) {
            entries = opml(bytes, file);
        } else {
            entries = text(bytes);
        }
        Map<String, FeedSource> byUrl = new LinkedHashMap<>();
        for (Entry e : entries) {
            String url;
            try {
                url = FeedLocations.resolve(e.location(), dir);
            } catch (FeedListException ex) {
                throw new FeedListException("feed list " + file + ", " + e.where() + ": " + ex.getMessage(), ex);
            }
            String feedName = e.name() == null || e.name().isBlank() ? null : e.name().strip();
            byUrl.putIfAbsent(url, new FeedSource(url, feedName, e.headers(), e.interval()));
        }
        return List.copyOf(byUrl.values());
    }

    /** A raw entry and where in the file it stands, for error messages. */
    private record Entry(String location, String name, String where, Map<String, String> headers,
                         Duration interval) {
        Entry(String location, String name, String where) {
            this(location, name, where, Map.of(), null);
        }
    }

    private static boolean looksLikeOpml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_CHARS), StandardCharsets.UTF_8);
        return OPML_ROOT.matcher(head).find();
    }

    private static List<Entry> yaml(byte[] bytes, Path file) throws FeedListException {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new FeedListException("feed list " + file + " is not valid YAML: " + YamlErrors.describe(e), e);
        } catch (IOException e) {
            throw new FeedListException("cannot read feed list " + file + ": " + FileErrors.reason(e), e);
        }
        JsonNode feeds = root == null ? null : root.get("feeds");
        if (feeds == null || !feeds.isArray()) {
            throw new FeedListException("feed list " + file + " must be a mapping with a 'feeds' list");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            JsonNode f = feeds.get(i);
            String where = "feeds[" + i + "]";
            if (f.isTextual()) {
                out.add(new Entry(f.asText(), null, where));
            } else if (f.isObject() && f.hasNonNull("url")) {
                JsonNode n = f.get("name");
                out.add(new Entry(f.get("url").asText(), n == null || n.isNull() ? null : n.asText(), where,
                        headers(f, file, where), interval(f, file, where)));
            } else {
                throw new FeedListException("feed list " + file + ", " + where + ": expected {url: ..., name: ...}");
            }
        }
        return out;
    }

    private static Map<String, String> headers(JsonNode feed, Path file, String where) throws FeedListException {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = feed.get("headers");
        if (h != null && !h.isNull()) {
            if (!h.isObject()) {
                throw new FeedListException("feed list " + file + ", " + where + ": headers must be a mapping");
            }
            h.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode ua = feed.get("user_agent");
        if (ua != null && !ua.isNull()) {
            headers.put("User-Agent", ua.asText());
        }
        return headers;
    }

    private static Duration interval(JsonNode feed, Path file, String where) throws FeedListException {
        JsonNode i = feed.get("interval");
        if (i == null || i.isNull()) {
            return null;
        }
        try {
            return (Duration) ValueType.DURATION.parse(i.asText());
        } catch (RuntimeException e) {
            throw new FeedListException("feed list " + file + ", " + where + ": interval '" + i.asText()
                    + "' is not " + ValueType.DURATION.description(), e);
        }
    }

    private static List<Entry> opml(byte[] bytes, Path file) throws FeedListException {
        WireFeedInput input = new WireFeedInput();
        // A feed list is as untrusted as a feed: no DTDs, hence no external entities.
        input.setAllowDoctypes(false);
        WireFeed feed;
        try (Reader reader = new BufferedReader(new XmlReader(new ByteArrayInputStream(bytes), true))) {
            feed = input.build(reader);
        } catch (IOException | FeedException | IllegalArgumentException e) {
            throw new FeedListException("feed list " + file + " is not valid OPML: " + e.getMessage(), e);
        }
        if (!(feed instanceof Opml opml)) {
            throw new FeedListException("feed list " + file + " is " + feed.getFeedType() + ", not OPML");
        }
        List<Entry> out = new ArrayList<>();
        collect(opml.getOutlines(), out);
        return out;
    }

    private static void collect(List<Outline> outlines, List<Entry> out) {
        for (Outline o : outlines) {
            String xmlUrl = o.getXmlUrl();
            if (xmlUrl != null && !xmlUrl.isBlank()) {
                String name = o.getTitle() != null && !o.getTitle().isBlank() ? o.getTitle() : o.getText();
                out.add(new Entry(xmlUrl, name, "outline '" + (name == null ? xmlUrl : name) + "'"));
            }
            collect(o.getChildren(), out);
        }
    }

    private static List<Entry> text(byte[] bytes) {
        List<Entry> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(new Entry(line, null, "line " + (i + 1)));
            }
        }
        return out;
    }
}
