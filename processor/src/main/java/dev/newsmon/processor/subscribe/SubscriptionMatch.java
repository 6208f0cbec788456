package dev.newsmon.processor.subscribe;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.subscription.Subscription;
import dev.newsmon.processor.tagging.ItemQuery;
import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an alert's content is what a subscription's filter asks for: its tags (any and all), its language and
 * its query over title and text. The story-wide conditions (muted outlets, minimum outlets) are the matcher's.
 * A query is parsed once per text; one that does not parse (a subscription written past the CLI) never matches
 * and is logged once. One instance per task: not thread-safe.
 */
final class SubscriptionMatch {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionMatch.class);

    private final Map<String, Optional<ItemQuery>> queries = new HashMap<>();
    private final Map<Subscription, Boolean> usable = new HashMap<>();
    private final Counter unusable;

    SubscriptionMatch(Counter unusable) {
        this.unusable = unusable;
    }

    /**
     * @param language the alert's language, or null when it states none (which no language filter matches)
     * @param text     the item's text, or null when unknown (the query then sees the title alone)
     */
    boolean matches(Subscription s, Alert alert, String language, String text) {
        if (!usable(s)) {
            return false;
        }
        Subscription.Filter f = s.filter();
        if (!f.tagsAny().isEmpty() && alert.tags().stream().noneMatch(f.tagsAny()::contains)) {
            return false;
        }
        if (!alert.tags().containsAll(f.tagsAll())) {
            return false;
        }
        if (f.language() != null && !sameLanguage(f.language(), language)) {
            return false;
        }
        if (f.query() == null) {
            return true;
        }
        return query(s).map(q -> q.matches(alert.itemId(), alert.title(), text == null ? "" : text)).orElse(false);
    }

    /** {@code en} matches {@code en} and {@code en-GB}; {@code en-GB} matches only {@code en-GB}. */
    static boolean sameLanguage(String wanted, String stated) {
        if (stated == null) {
            return false;
        }
        String w = wanted.toLowerCase(Locale.ROOT);
        String s = stated.toLowerCase(Locale.ROOT);
        return s.equals(w) || s.startsWith(w + "-");
    }

    /** A subscription with a problem (written past the CLI) matches nothing; it is logged once. */
    private boolean usable(Subscription s) {
        return usable.computeIfAbsent(s, x -> {
            List<String> problems = x.problems();
            if (!problems.isEmpty()) {
                unusable.increment();
                LOG.error("subscription name={} is not valid, so it matches nothing: {}", x.name(), problems);
            }
            return problems.isEmpty();
        });
    }

    private Optional<ItemQuery> query(Subscription s) {
        return queries.computeIfAbsent(s.filter().query(), text -> {
            try {
                return Optional.of(ItemQuery.parse(text));
            } catch (IllegalArgumentException e) {
                unusable.increment();
                LOG.error("subscription name={} has a query that does not parse, so it matches nothing: {}",
                        s.name(), e.getMessage());
                return Optional.empty();
            }
        });
    }
}
