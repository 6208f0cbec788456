package dev.newsmon.processor.dedup;

import dev.newsmon.processor.tagging.JsonlItems;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The time to fingerprint one tagged item, the processor's work per item before its band probes are sent, and the
 * boilerplate stripping alone within it. Every operation is one item ({@value #ITEMS_PER_PASS} in a loop).
 *
 * <p>Two item mixes: {@code bench}, the station stories of {@code newsmon bench} (about 110 words under a headline
 * of the same vocabulary), half of them syndicated copies with a dateline, a footer and a headline suffix as the
 * bench writes them; and {@code corpus}, the labelled corpus (longer texts, English and Russian, with real
 * boilerplate).
 *
 * <p>Run: {@code mvn -B -pl processor -am -Pjmh -DskipTests verify -Djmh.args="FingerprinterBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FingerprinterBenchmark {
    static final int ITEMS_PER_PASS = 200;
    private static final Path CORPUS = Path.of("../corpus");
    /** The words of the bench's station stories (bench/.../workload/Articles.java). */
    private static final String[] SPACE = ("module crew orbit engineers cargo docking hatch airlock experiment freighter"
            + " thruster solar array radiator battery leak inspection schedule spacewalk robotic arm truss segment oxygen"
            + " water recycler sample telescope antenna software update flight director mission planners partner agencies"
            + " contract launch capsule parachute splashdown reboost altitude").split(" ");

    @Param({"bench", "corpus"})
    public String mix;

    private final List<String[]> items = new ArrayList<>();
    private final Boilerplate boilerplate = Boilerplate.builtIn();
    private final Fingerprinter fingerprinter = new Fingerprinter(boilerplate);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (mix.equals("bench")) {
            Random random = new Random(11);
            for (int i = 0; items.size() < ITEMS_PER_PASS; i++) {
                String title = "Space station " + words(random, 4) + " as NASA updates crews (s-" + i + ")";
                String text = "The crew of the International Space Station reported on the " + words(random, 80)
                        + ", NASA and its partner agencies said about the " + words(random, 20) + ".";
                items.add(new String[] {"s-" + i, title, text});
                items.add(new String[] {"c-" + i, title + " | Outlet " + i,
                        "DATELINE — " + text + " This story first appeared on Outlet " + (i + 1) + "."});
            }
        } else {
            List<String[]> corpus = new ArrayList<>();
            for (String folder : List.of("dev", "test", "ru-dev", "ru-test")) {
                JsonlItems.read(CORPUS.resolve(folder).resolve("items.jsonl"),
                        item -> corpus.add(new String[] {item.itemId(), item.title(), item.text()}));
            }
            Random random = new Random(11);
            while (items.size() < ITEMS_PER_PASS) {
                items.add(corpus.get(random.nextInt(corpus.size())));
            }
        }
    }

    private static String words(Random random, int n) {
        String[] words = new String[n];
        Arrays.setAll(words, i -> SPACE[random.nextInt(SPACE.length)]);
        return String.join(" ", words);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS_PER_PASS)
    public void fingerprint(Blackhole bh) {
        for (String[] item : items) {
            bh.consume(fingerprinter.fingerprint(item[0], item[1], item[2]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS_PER_PASS)
    public void boilerplate(Blackhole bh) {
        for (String[] item : items) {
            bh.consume(boilerplate.stripTitle(item[1]));
            bh.consume(boilerplate.stripText(item[2]));
        }
    }
}
