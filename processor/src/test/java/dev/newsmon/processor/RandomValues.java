package dev.newsmon.processor;

import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.StoryCluster;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;
import dev.newsmon.processor.tagging.TagResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generated values for property-style round-trip tests: every field set or left null where the type allows, strings
 * from the empty string to long ones with accents, CJK and characters outside the BMP, extreme numbers.
 */
public final class RandomValues {
    private static final String[] PIECES = {"", "a", "Space Station", "ISS", "é", "ü", "—", "«»", "站", "ロシア",
            "\uD83D\uDE80", "\uD835\uDD4A", "\n", "\t", "\"", "{", "\\", "\u0000", "b3:", " "};

    private final Random random;

    public RandomValues(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public String string() {
        int n = chance(5) ? 200 + random.nextInt(3000) : random.nextInt(6);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(chance(70) ? String.valueOf((char) ('a' + random.nextInt(26))) : PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    public String nullableString() {
        return chance(15) ? null : string();
    }

    public int anInt() {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(100);
            case 2 -> -random.nextInt(100);
            case 3 -> chance(50) ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            default -> random.nextInt();
        };
    }

    public long aLong() {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> 1_700_000_000_000L + random.nextInt(1_000_000_000);
            case 2 -> -random.nextInt(1000);
            case 3 -> chance(50) ? Long.MAX_VALUE : Long.MIN_VALUE;
            default -> random.nextLong();
        };
    }

    public double aDouble() {
        return switch (random.nextInt(5)) {
            case 0 -> 0.0;
            case 1 -> random.nextDouble();
            case 2 -> random.nextInt(8) / 8.0;
            case 3 -> chance(50) ? Double.NaN : -0.0;
            default -> random.nextGaussian() * 1e9;
        };
    }

    public Instant instant() {
        return switch (random.nextInt(4)) {
            case 0 -> Instant.ofEpochSecond(1_770_000_000L + random.nextInt(100_000_000));
            case 1 -> Instant.ofEpochSecond(1_770_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
            case 2 -> Instant.ofEpochMilli(1_770_000_000_000L + random.nextInt(1_000_000_000));
            default -> chance(50) ? Instant.EPOCH : Instant.ofEpochSecond(-random.nextInt(1_000_000), 5);
        };
    }

    public Instant nullableInstant() {
        return chance(20) ? null : instant();
    }

    public <T> List<T> list(int max, Supplier<T> element) {
        int n = random.nextInt(max + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    public <T> Map<String, T> map(int max, Supplier<T> value) {
        Map<String, T> out = new HashMap<>();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            out.put(string(), value.get());
        }
        return out;
    }

    public FeedItem feedItem() {
        return new FeedItem(anInt(), string(), nullableString(), string(), nullableString(), nullableString(),
                nullableString(), nullableString(), nullableInstant(), nullableInstant(),
                chance(20) ? null : Math.abs(anInt() % 10), nullableString());
    }

    public TagResult tagResult() {
        return new TagResult(list(3, this::string),
                map(3, () -> list(3, () -> new TagMatch(nullableString(), list(4, () -> new MatchedTerm(
                        nullableString(), nullableString(), anInt(), anInt()))))),
                chance(10) ? null : map(3, () -> new TagRelevance(aDouble(), aDouble(), list(3, () -> new Evidence(
                        string(), string(), anInt(), aDouble())), string())),
                nullableString());
    }

    public TaggedItem taggedItem() {
        return new TaggedItem(feedItem(), tagResult());
    }

    public StoryCluster.Member member() {
        return new StoryCluster.Member(string(), nullableString(), nullableString(), nullableString(),
                nullableInstant(), nullableInstant(), chance(30) ? null : aDouble(), nullableString());
    }

    public StoryCluster storyCluster() {
        return new StoryCluster(anInt(), string(), member(), string(), list(5, this::member), anInt(),
                list(4, this::string), nullableInstant());
    }
}
