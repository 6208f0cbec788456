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
 * original and the syndicated variants its entry asks for, each labelled with the story it belongs to, and the
 * newsletters, each a story of its own.
 */
public final class EvalSet {
    private static final String RESOURCE = "/dedup-eval/stories.yaml";
    private static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");
    private static final List<String> COPYING_OUTLETS = List.of("Orbital Wire", "Cosmos Daily", "Meridian Post",
            "Bayside Courier", "Tidewater Ledger", "Northgate Times", "Lowfield Observer");

    /**
     * One story of the file.
     *
     * @param retitle    a republisher's own headline, for the {@code retitle} variant
     * @param standfirst a republisher's own summary line, for the {@code standfirst} variant
     * @param edited     a copy-edited title and text, for the {@code edit} variant
     */
    public record Story(String id, String event, String outlet, String city, String title, List<String> sentences,
                        List<String> variants, String retitle, String standfirst, Edited edited) {
    }

    /** A copy edit of a story: same sentences in the same order, with small changes. */
    public record Edited(String title, List<String> sentences) {
    }

    /** A newsletter: an intro, then items, one of which is a story of the file word for word. */
    public record Newsletter(String id, String outlet, String title, String intro, List<NewsletterItem> items) {
    }

    /** A newsletter item: a heading and either a story's id or a text of its own. */
    public record NewsletterItem(String heading, String story, String text) {
    }

    record File(List<Story> stories, List<Newsletter> newsletters) {
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
        return file().stories();
    }

    public static List<Newsletter> newsletters() {
        List<Newsletter> newsletters = file().newsletters();
        return newsletters == null ? List.of() : newsletters;
    }

    private static File file() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = EvalSet.class.getResourceAsStream(RESOURCE)) {
            return yaml.readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Every original, variant and newsletter, in the order they reach the processor (stories interleave). */
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
        for (Newsletter newsletter : newsletters()) {
            out.add(newsletter(newsletter, stories));
        }
        out.sort(Comparator.comparing(Labelled::recordTime).thenComparing(l -> l.item().itemId()));
        return out;
    }

    /** A newsletter arrives three hours after the original of the story it carries, among that story's copies. */
    private static Labelled newsletter(Newsletter newsletter, List<Story> stories) {
        List<String> paragraphs = new ArrayList<>(List.of(newsletter.intro()));
        Instant arrives = T0;
        for (NewsletterItem item : newsletter.items()) {
            String body = item.text();
            if (item.story() != null) {
                int s = stories.stream().map(Story::id).toList().indexOf(item.story());
                if (s < 0) {
                    throw new IllegalArgumentException("newsletter " + newsletter.id() + " names no story "
                            + item.story());
                }
                body = text(stories.get(s).sentences());
                arrives = T0.plus(Duration.ofMinutes(7L * s)).plus(Duration.ofHours(3));
            }
            paragraphs.add(item.heading() + " " + body);
        }
        return new Labelled(item(newsletter.id(), newsletter.outlet(), newsletter.title(),
                String.join("\n\n", paragraphs), arrives), newsletter.id(), newsletter.id(), arrives);
    }

    private static Labelled variant(Story story, int index, Instant arrives) {
        List<String> others = COPYING_OUTLETS.stream().filter(o -> !o.equals(story.outlet())).toList();
        String outlet = others.get(Math.floorMod(story.id().hashCode() + index, others.size()));
        List<String> kinds = List.of(story.variants().get(index).split("\\+"));
        boolean edit = kinds.contains("edit");
        if (edit && story.edited() == null || kinds.contains("retitle") && story.retitle() == null
                || kinds.contains("standfirst") && story.standfirst() == null) {
            throw new IllegalArgumentException("story " + story.id() + " lacks the text for variant " + kinds);
        }
        String title = edit ? story.edited().title() : story.title();
        List<String> sentences = new ArrayList<>(edit ? story.edited().sentences() : story.sentences());
        String lead = "";
        String front = "";
        String back = "";
        Instant published = arrives;
        for (String how : kinds) {
            switch (how) {
                case "suffix" -> title = title + " | " + outlet;
                case "dateline" -> front = story.city() + " (" + outlet + ") — ";
                case "footer" -> back = "\n\n" + footer(index, title, outlet);
                case "truncate" -> sentences = new ArrayList<>(sentences.subList(0, 2));
                case "drop" -> sentences.remove(2);
                case "early" -> published = arrives.minus(Duration.ofHours(3));
                case "retitle" -> title = story.retitle();
                case "standfirst" -> lead = "By Morgan Ellery\n\n" + story.standfirst() + "\n\n";
                case "edit" -> {
                    // applied above: the edited title and sentences are the base of the other changes
                }
                default -> throw new IllegalArgumentException("unknown variant " + how + " in story " + story.id());
            }
        }
        String id = story.id() + "-v" + (index + 1) + "-" + outlet.toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Labelled(item(id, outlet, title, lead + front + text(sentences) + back, published), story.id(),
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
