package dev.newsmon.processor.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Text that republishers add or change around a syndicated story and that must not count for or against a match:
 * footers, feed-plugin trailers, datelines, press contacts, headline suffixes. The built-in list is the resource
 * {@code boilerplate.txt} next to this class; {@code processor.dedup.boilerplate.file} replaces it (same format).
 */
public final class Boilerplate {
    private static final String BUILT_IN = "boilerplate.txt";
    private static final int MIN_TITLE_WORDS = 4;

    private final List<Pattern> text;
    private final List<Pattern> lead;
    private final List<Pattern> title;

    private Boilerplate(List<Pattern> text, List<Pattern> lead, List<Pattern> title) {
        this.text = List.copyOf(text);
        this.lead = List.copyOf(lead);
        this.title = List.copyOf(title);
    }

    public static Boilerplate builtIn() {
        try (InputStream in = Boilerplate.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the jar: " + BUILT_IN);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + BUILT_IN, e);
        }
    }

    /** The patterns of a file in the built-in list's format; a bad line fails the whole file, naming the line. */
    public static Boilerplate load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static Boilerplate parse(List<String> lines, String source) {
        List<Pattern> text = new ArrayList<>();
        List<Pattern> lead = new ArrayList<>();
        List<Pattern> title = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String where = source + " line " + (n + 1);
            if (parts.length < 2) {
                throw new IllegalArgumentException(where + ": expected '<text|lead|title> <regex>': " + line);
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(parts[1]);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": not a regular expression: " + e.getMessage(), e);
            }
            switch (parts[0]) {
                case "text" -> text.add(pattern);
                case "lead" -> lead.add(pattern);
                case "title" -> title.add(pattern);
                default -> throw new IllegalArgumentException(where + ": unknown kind '" + parts[0]
                        + "', expected text, lead or title");
            }
        }
        return new Boilerplate(text, lead, title);
    }

    public String stripText(String s) {
        String out = s;
        for (Pattern p : lead) {
            out = p.matcher(out).replaceFirst("");
        }
        for (Pattern p : text) {
            out = p.matcher(out).replaceAll(" ");
        }
        return out.trim();
    }

    /** Drops an outlet suffix, unless what remains is too short to be the headline ("Russia - US talks"). */
    public String stripTitle(String s) {
        String stripped = s;
        for (Pattern p : title) {
            stripped = p.matcher(stripped).replaceFirst("");
        }
        stripped = stripped.trim();
        return stripped.split(" ").length >= MIN_TITLE_WORDS ? stripped : s.trim();
    }
}
