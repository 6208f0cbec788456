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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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
 * item ({@value #ITEMS_PER_PASS} items tagged in a loop).
 *
 * <p>Two item mixes: {@code bench}, the mix of {@code newsmon bench} (95% ordinary local news that no rule matches,
 * 5% items about the station, drawn from the labelled corpus), and {@code corpus}, the labelled corpus itself
 * (about half of it on topic or a near miss, so most items reach the matcher).
 *
 * <p>Run: {@code mvn -B -pl processor -am -Pjmh -DskipTests verify} (see processor/pom.xml, profile jmh).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TaggerBenchmark {
    static final int ITEMS_PER_PASS = 1_000;
    private static final Path CORPUS = Path.of("../corpus");
    private static final Path DEFAULT_RULES = Path.of("../config/rules.yaml");
    private static final int GENERATED_RULES = 1_000;
    private static final double BENCH_TAGGED_SHARE = 0.05;
    private static final String[] LOCAL_NEWS = ("council budget vote school teachers parents road repairs bridge"
            + " traffic market prices farmers harvest weather rain flood river park festival concert theatre museum"
            + " library hospital nurses doctors clinic patients police court judge trial jury mayor election"
            + " candidates debate taxes housing rent landlords tenants business shop owners jobs factory workers"
            + " union strike train bus airport delays tourists hotel restaurant chef menu football match coach"
            + " players season league cup final goal fans stadium tickets charity volunteers donation community"
            + " centre garden residents neighbours street lights parking fines cyclists lane pedestrians crossing"
            + " safety report study university students research results survey statistics growth decline minister"
            + " policy plan").split(" ");
    private static final Pattern QUERY_TERMS = Pattern.compile("\"([^\"]+)\"|([\\p{L}\\p{N}*]+)");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "title", "text");

    @Param({"default", "generated-1000"})
    public String rules;

    @Param({"bench", "corpus"})
    public String mix;

    private List<FeedItem> items;
    private RuleTagger tagger;
    private List<Pattern> baseline;

    @Setup(Level.Trial)
    public void setUp() throws IOException, RulesException {
        List<FeedItem> corpus = new ArrayList<>();
        JsonlItems.read(CORPUS.resolve("dev/items.jsonl"), corpus::add);
        JsonlItems.read(CORPUS.resolve("test/items.jsonl"), corpus::add);
        items = mix.equals("bench") ? benchMix(corpus) : cycle(corpus);
        Rules ruleSet = rules.equals("default") ? RulesLoader.load(DEFAULT_RULES)
                : GeneratedRules.of(corpus, GENERATED_RULES, 42);
        tagger = RuleTagger.create(ruleSet);
        baseline = new ArrayList<>();
        ruleSet.tags().forEach(t -> t.queries().forEach(q -> baseline.add(alternation(q.query()))));
    }

    private static List<FeedItem> cycle(List<FeedItem> corpus) {
        List<FeedItem> out = new ArrayList<>();
        for (int i = 0; i < ITEMS_PER_PASS; i++) {
            out.add(corpus.get(i % corpus.size()));
        }
        return out;
    }

    /** As {@code newsmon bench} generates them: short local news, and a share of station stories. */
    private static List<FeedItem> benchMix(List<FeedItem> corpus) {
        Random random = new Random(7);
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        List<FeedItem> out = new ArrayList<>();
        for (int i = 0; i < ITEMS_PER_PASS; i++) {
            if (random.nextDouble() < BENCH_TAGGED_SHARE) {
                out.add(corpus.get(random.nextInt(corpus.size())));
            } else {
                out.add(new FeedItem(FeedItem.SCHEMA_VERSION, "local-" + i, null, "https://local.example/feed.xml",
                        "Local", "https://local.example/" + i, "Residents discuss " + words(random, 5),
                        "The " + words(random, 60) + ", officials said.", t, t));
            }
        }
        return out;
    }

    private static String words(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(LOCAL_NEWS[random.nextInt(LOCAL_NEWS.length)]);
        }
        return s.toString();
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
}
