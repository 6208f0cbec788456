package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Items per second through the rule tagger, with the shipped rules and with 1,000 generated rules, against a
 * baseline that tries one {@code java.util.regex} alternation per rule on the same items. Every operation is one
 * item (the evaluation set, {@value #ITEMS_PER_PASS} items, tagged in a loop).
 *
 * <p>Run: {@code mvn -B -pl processor -am -Pjmh -DskipTests verify} (see processor/pom.xml, profile jmh).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TaggerBenchmark {
    static final int ITEMS_PER_PASS = 157;
    private static final Path ITEMS = Path.of("src/test/resources/eval/items.jsonl");
    private static final Path DEFAULT_RULES = Path.of("../config/rules.yaml");
    private static final int GENERATED_RULES = 1_000;
    private static final Pattern QUERY_TERMS = Pattern.compile("\"([^\"]+)\"|([\\p{L}\\p{N}*]+)");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "title", "text");

    @Param({"default", "generated-1000"})
    public String rules;

    private List<FeedItem> items;
    private RuleTagger tagger;
    private List<Pattern> baseline;

    @Setup(Level.Trial)
    public void setUp() throws IOException, RulesException {
        items = new ArrayList<>();
        JsonlItems.read(ITEMS, items::add);
        if (items.size() != ITEMS_PER_PASS) {
            throw new IllegalStateException("the evaluation set has " + items.size() + " items; update ITEMS_PER_PASS");
        }
        Rules ruleSet = rules.equals("default") ? RulesLoader.load(DEFAULT_RULES) : generated(items);
        tagger = RuleTagger.create(ruleSet);
        baseline = new ArrayList<>();
        ruleSet.tags().forEach(t -> t.queries().forEach(q -> baseline.add(alternation(q.query()))));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tagger.close();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS_PER_PASS)
    public void monitor(Blackhole bh) {
        for (FeedItem item : items) {
            bh.consume(tagger.tag(item));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS_PER_PASS)
    public void regexBaseline(Blackhole bh) {
        for (FeedItem item : items) {
            int matched = 0;
            for (Pattern p : baseline) {
                if (p.matcher(item.title()).find() || p.matcher(item.text()).find()) {
                    matched++;
                }
            }
            bh.consume(matched);
        }
    }

    /**
     * The baseline of one query: every word and phrase it names, as one case-insensitive alternation on word
     * boundaries. It knows no AND, NOT or proximity, so it does less than the query; it is a floor, not a twin.
     */
    static Pattern alternation(String query) {
        Set<String> parts = new LinkedHashSet<>();
        Matcher m = QUERY_TERMS.matcher(query);
        while (m.find()) {
            if (m.group(1) != null) {
                parts.add(String.join("\\s+", List.of(m.group(1).trim().split("\\s+")).stream().map(Pattern::quote)
                        .toList()));
            } else if (!OPERATORS.contains(m.group(2)) && !m.group(2).chars().allMatch(Character::isDigit)) {
                String w = m.group(2);
                parts.add(w.endsWith("*") ? Pattern.quote(w.substring(0, w.length() - 1)) + "\\w*" : Pattern.quote(w));
            }
        }
        return Pattern.compile("\\b(?:" + String.join("|", parts) + ")\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * 1,000 rules of the shape analysts write, built from the words of the items so that some of them match:
     * a phrase of two neighbouring words, or either of two single words, AND a third word.
     */
    static Rules generated(List<FeedItem> items) throws RulesException {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(items.stream()
                .flatMap(i -> List.of((i.title() + " " + i.text()).toLowerCase().split("[^a-z]+")).stream())
                .filter(w -> w.length() > 3)
                .toList()));
        Random random = new Random(42);
        StringBuilder yaml = new StringBuilder("version: generated-1000\ntags:\n");
        for (int r = 0; r < GENERATED_RULES; r++) {
            String a = pick(words, random);
            String b = pick(words, random);
            String c = pick(words, random);
            String d = pick(words, random);
            yaml.append("  t").append(r).append(":\n    queries:\n      - name: q\n        query: '(\"")
                    .append(a).append(' ').append(b).append("\" OR ").append(c).append(") AND ").append(d)
                    .append("'\n");
        }
        return RulesLoader.parse(yaml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "generated");
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }
}
