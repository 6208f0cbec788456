package dev.newsmon.app.subscriptions;

import dev.newsmon.common.subscription.Subscription;
import dev.newsmon.common.subscription.SubscriptionException;
import dev.newsmon.common.subscription.SubscriptionFile;
import dev.newsmon.processor.tagging.ItemQuery;
import dev.newsmon.sink.channel.ChannelTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that is checked before a subscription is published, each check where its knowledge lives: the
 * fields (common), the channel types (sink) and the query (the processor's Lucene parser). A subscription with
 * any problem is refused whole.
 */
public final class SubscriptionCheck {
    private SubscriptionCheck() {
    }

    public static List<String> problems(Subscription s) {
        List<String> out = new ArrayList<>(s.problems());
        out.addAll(ChannelTypes.problems(s));
        if (s.filter().query() != null) {
            try {
                ItemQuery.parse(s.filter().query());
            } catch (IllegalArgumentException e) {
                out.add("filter.query: does not parse: " + e.getMessage());
            }
        }
        return out;
    }

    /** @throws SubscriptionException naming the first subscription with a problem, and all its problems */
    public static void check(List<Subscription> subscriptions, String source) throws SubscriptionException {
        for (Subscription s : subscriptions) {
            List<String> problems = problems(s);
            if (!problems.isEmpty()) {
                throw SubscriptionFile.invalid(s.name(), source, problems);
            }
        }
    }
}
