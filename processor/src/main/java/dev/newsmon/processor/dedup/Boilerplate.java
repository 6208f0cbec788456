package dev.newsmon.processor.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Text that republishers add or change around a syndicated story and that must not count for or against a match:
 * footers, feed-plugin trailers, datelines, press contacts, headline suffixes. The built-in list is the resource
 * {@code boilerplate.txt} next to this class; {@code processor.dedup.boilerplate.file} replaces it (same format).
 *
 * <p>The patterns run one after the other, each on what the ones before left, as the list orders them. A pattern
 * runs only where its {@link Trigger} says it may match: the dedup path strips every tagged item, and most hold
 * little or no boilerplate.
 */
public final class Boilerplate {
    private static final String BUILT_IN = "boilerplate.txt";
    private static final int MIN_TITLE_WORDS = 4;

    private final List<Rule> text;
    private final List<Rule> lead;
    private final List<Rule> title;

    private Boilerplate(List<Pattern> text, List<Pattern> lead, List<Pattern> title) {
        this.text = text.stream().map(Rule::new).toList();
        this.lead = lead.stream().map(Rule::new).toList();
        this.title = title.stream().map(Rule::new).toList();
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
        Text out = new Text(s);
        for (Rule r : lead) {
            out.removeFirst(r);
        }
        for (Rule r : text) {
            out.replaceAll(r, " ");
        }
        return out.value.trim();
    }

    /** Drops an outlet suffix, unless what remains is too short to be the headline ("Russia - US talks"). */
    public String stripTitle(String s) {
        Text out = new Text(s);
        for (Rule r : title) {
            out.removeFirst(r);
        }
        String stripped = out.value.trim();
        return stripped.split(" ").length >= MIN_TITLE_WORDS ? stripped : s.trim();
    }

    private record Rule(Pattern pattern, Trigger trigger) {
        Rule(Pattern pattern) {
            this(pattern, Trigger.of(pattern.pattern()));
        }
    }

    /** A text being stripped, and its folded form while it is needed and unchanged. */
    private static final class Text {
        private String value;
        private String folded;

        Text(String value) {
            this.value = value;
        }

        void removeFirst(Rule rule) {
            if (!mayMatch(rule.trigger())) {
                return;
            }
            Matcher m = rule.pattern().matcher(value);
            if (!rule.trigger().anchored()) {
                set(m.replaceFirst(""));
            } else if (m.lookingAt()) {
                // An anchored pattern's one possible match starts at 0: find() would try every other start in vain.
                set(value.substring(m.end()));
            }
        }

        void replaceAll(Rule rule, String replacement) {
            if (mayMatch(rule.trigger())) {
                set(rule.pattern().matcher(value).replaceAll(replacement));
            }
        }

        private boolean mayMatch(Trigger trigger) {
            if (trigger.caseInsensitive() && folded == null && !trigger.literals().isEmpty()) {
                folded = Trigger.fold(value);
            }
            return trigger.mayMatch(value, folded);
        }

        private void set(String changed) {
            if (changed != value) {
                value = changed;
                folded = null;
            }
        }
    }
}
