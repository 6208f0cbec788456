package dev.newsmon.common.subscription;

import dev.newsmon.common.config.ValueType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One subscriber's standing order, as {@code news.subscriptions} holds it (key = {@link #name}): which alerts it
 * wants, where they go, and whether it also wants a digest. Its matching alerts are copied to
 * {@code news.alerts.<name>} whatever its channels.
 *
 * @param schemaVersion version of this message's shape
 * @param name          lower-case letters, digits and dashes: it names a topic
 * @param filter        which alerts match; an empty filter matches every alert
 * @param channels      where messages go; none leaves the topic as the only output
 * @param instant       whether each matching alert is sent to the channels as it comes (a digest-only
 *                      subscription says false)
 * @param digest        whether a digest of the matching stories is sent, and how often
 * @param growth        when a story counts as spreading; null means {@link Growth#DEFAULT}
 */
public record Subscription(Integer schemaVersion, String name, Filter filter, List<ChannelSpec> channels,
                           Boolean instant, DigestSchedule digest, Growth growth) {
    public static final int SCHEMA_VERSION = 1;
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Subscription {
        schemaVersion = schemaVersion == null || schemaVersion == 0 ? SCHEMA_VERSION : schemaVersion;
        filter = filter == null ? Filter.NONE : filter;
        channels = channels == null ? List.of() : List.copyOf(channels);
        instant = instant == null || instant;
        digest = digest == null ? DigestSchedule.NONE : digest;
        growth = growth == null ? Growth.DEFAULT : growth;
    }

    /**
     * What is wrong with this subscription that a reader can tell without Lucene or the channels, each problem
     * naming its field as written in the file ({@code filter.min_outlets: ...}); empty when nothing is.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            out.add("name: must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit"
                    + " (it names the topic news.alerts.<name>), got " + (name == null ? "nothing" : "'" + name + "'"));
        }
        out.addAll(filter.problems());
        for (int i = 0; i < channels.size(); i++) {
            ChannelSpec c = channels.get(i);
            if (c == null) {
                out.add("channels[" + i + "]: is empty");
            } else {
                String field = "channels[" + i + "]";
                c.problems().forEach(p -> out.add(field + p));
            }
        }
        out.addAll(growth.problems());
        if (!instant && digest == DigestSchedule.NONE && !channels.isEmpty()) {
            out.add("instant: false with digest: none sends nothing to the channels; ask for a digest or drop them");
        }
        return out;
    }

    /** The filter of a subscription: every condition that is set must hold. */
    public record Filter(List<String> tagsAny, List<String> tagsAll, Integer minOutlets, String language,
                         List<String> mutedOutlets, String query) {
        public static final Filter NONE = new Filter(null, null, null, null, null, null);

        public Filter {
            tagsAny = tagsAny == null ? List.of() : List.copyOf(tagsAny);
            tagsAll = tagsAll == null ? List.of() : List.copyOf(tagsAll);
            minOutlets = minOutlets == null ? 1 : minOutlets;
            mutedOutlets = mutedOutlets == null ? List.of() : List.copyOf(mutedOutlets);
            language = language == null || language.isBlank() ? null : language.trim();
            query = query == null || query.isBlank() ? null : query;
        }

        List<String> problems() {
            List<String> out = new ArrayList<>();
            if (minOutlets < 1) {
                out.add("filter.min_outlets: must be at least 1, got " + minOutlets);
            }
            if (tagsAny.stream().anyMatch(t -> t == null || t.isBlank())) {
                out.add("filter.tags_any: holds an empty tag");
            }
            if (tagsAll.stream().anyMatch(t -> t == null || t.isBlank())) {
                out.add("filter.tags_all: holds an empty tag");
            }
            if (mutedOutlets.stream().anyMatch(t -> t == null || t.isBlank())) {
                out.add("filter.muted_outlets: holds an empty outlet name");
            }
            if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                out.add("filter.language: must be a language tag such as en or pt-BR, got '" + language + "'");
            }
            return out;
        }
    }

    /**
     * When a story counts as spreading for this subscription: {@code outlets} outlets (its muted ones not counted)
     * within {@code within} of the story's first item. {@code outlets: 0} turns growth alerts off.
     *
     * @param within a duration such as 90m, 6h or 1d
     */
    public record Growth(Integer outlets, String within) {
        public static final Growth DEFAULT = new Growth(3, "6h");

        public Growth {
            outlets = outlets == null ? DEFAULT.outlets : outlets;
            within = within == null ? DEFAULT.within : within;
        }

        public boolean enabled() {
            return outlets > 0;
        }

        /**
         * The outlets that count towards growth: those not muted that first carried the story within the window of
         * its first item. The story spreads once there are {@code outlets} of them.
         *
         * @param outlets each outlet of the story with when it first carried it
         */
        public Map<String, Instant> outletsWithin(Map<String, Instant> outlets, Instant storyFirstSeen,
                                                  Collection<String> muted) {
            Instant end = storyFirstSeen.plus(window());
            Map<String, Instant> out = new LinkedHashMap<>();
            outlets.forEach((o, t) -> {
                if (!muted.contains(o) && !t.isAfter(end)) {
                    out.put(o, t);
                }
            });
            return out;
        }

        /** Whether a story with these outlets spreads by this rule, no outlet muted. */
        public boolean spreads(Map<String, Instant> outlets, Instant storyFirstSeen) {
            return enabled() && outletsWithin(outlets, storyFirstSeen, List.of()).size() >= this.outlets;
        }

        /** The window; only valid after {@link #problems()} found none. */
        public Duration window() {
            return (Duration) ValueType.DURATION.parse(within);
        }

        List<String> problems() {
            List<String> out = new ArrayList<>();
            if (outlets == 1 || outlets < 0) {
                out.add("growth.outlets: must be 0 (off) or at least 2, got " + outlets);
            }
            try {
                if (window().isZero()) {
                    out.add("growth.within: must be longer than 0");
                }
            } catch (IllegalArgumentException e) {
                out.add("growth.within: must be a duration such as 90m, 6h or 1d, got '" + within + "'");
            }
            return out;
        }
    }
}
