package dev.newsmon.processor.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.common.model.FeedItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The labelled evaluation set (test resource {@code dedup-eval/stories.yaml}) turned into feed items: each story's
 * original and the syndicated variants its entry asks for, each labelled with the story it belongs to.
 */
public final class EvalSet {
    private static final String RESOURCE = "/dedup-eval/stories.yaml";
    private static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");
    private static final List<String> COPYING_OUTLETS = List.of("Orbital Wire", "Cosmos Daily", "Meridian Post",
            "Bayside Courier", "Tidewater Ledger", "Northgate Times", "Lowfield Observer");

    /** One story of the file. */
    public record Story(String id, String event, String outlet, String city, String title, List<String> sentences,
                        List<String> variants) {
    }

    record File(List<Story> stories) {
    }

    /**
     * One item to send.
     *
     * @param item       the feed item
     * @param storyLabel the story it truly belongs to
     * @param event      the event its story reports on
     * @param recordTime when it reaches news.items (its publication time may be earlier)
     */
    public record Labelled(FeedItem item, String storyLabel, String event, Instant recordTime) {
    }

    private EvalSet() {
    }

    public static List<Story> stories() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = EvalSet.class.getResourceAsStream(RESOURCE)) {
            return yaml.readValue(in, File.class).stories();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Every original and variant, in the order they reach the processor (stories interleave). */
    public static List<Labelled> items() {
        List<Labelled> out = new ArrayList<>();
        List<Story> stories = stories();
        for (int s = 0; s < stories.size(); s++) {
            Story story = stories.get(s);
            // Originals seven minutes apart; copies follow over the next hours, so stories overlap in time.
            Instant published = T0.plus(Duration.ofMinutes(7L * s));
            out.add(new Labelled(item(story.id() + "-orig", story.outlet(), story.title(), text(story.sentences()),
                    published), story.id(), story.event(), published));
            for (int v = 0; v < story.variants().size(); v++) {
                Labelled copy = variant(story, v, published.plus(Duration.ofMinutes(25L * (v + 1) + s % 5)));
                out.add(copy);
            }
        }
        out.sort(Comparator.comparing(Labelled::recordTime).thenComparing(l -> l.item().itemId()));
        return out;
    }

    private static Labelled variant(Story story, int index, Instant arrives) {
        List<String> others = COPYING_OUTLETS.stream().filter(o -> !o.equals(story.outlet())).toList();
        String outlet = others.get(Math.floorMod(story.id().hashCode() + index, others.size()));
        String title = story.title();
        List<String> sentences = new ArrayList<>(story.sentences());
        String front = "";
        String back = "";
        Instant published = arrives;
        for (String how : story.variants().get(index).split("\\+")) {
            switch (how) {
                case "suffix" -> title = title + " | " + outlet;
                case "dateline" -> front = story.city() + " (" + outlet + ") — ";
                case "footer" -> back = "\n\n" + footer(index, title, outlet);
                case "truncate" -> sentences = new ArrayList<>(sentences.subList(0, 2));
                case "drop" -> sentences.remove(2);
                case "early" -> published = arrives.minus(Duration.ofHours(3));
                default -> throw new IllegalArgumentException("unknown variant " + how + " in story " + story.id());
            }
        }
        String id = story.id() + "-v" + (index + 1) + "-" + outlet.toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Labelled(item(id, outlet, title, front + text(sentences) + back, published), story.id(),
                story.event(), arrives);
    }

    private static String footer(int index, String title, String outlet) {
        return switch (index % 4) {
            case 0 -> "© 2026 " + outlet + ". All rights reserved.";
            case 1 -> "The post " + title + " appeared first on " + outlet + ".";
            case 2 -> "Read more…";
            default -> "Media contact: Sam Lindqvist, +1 555 0142, press@" + outlet.toLowerCase(Locale.ROOT)
                    .replace(' ', '-') + ".example";
        };
    }

    private static String text(List<String> sentences) {
        // Two sentences per paragraph, as feed bodies usually come.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            sb.append(i == 0 ? "" : i % 2 == 0 ? "\n\n" : " ").append(sentences.get(i));
        }
        return sb.toString();
    }

    private static FeedItem item(String id, String outlet, String title, String text, Instant published) {
        String host = outlet.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://" + host + "/feed.xml", outlet,
                "https://" + host + "/news/" + id, title, text, published, published.plusSeconds(90));
    }
}
