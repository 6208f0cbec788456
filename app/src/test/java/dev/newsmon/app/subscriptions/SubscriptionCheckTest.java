package dev.newsmon.app.subscriptions;

import dev.newsmon.common.subscription.ChannelSpec;
import dev.newsmon.common.subscription.Subscription;
import dev.newsmon.common.subscription.SubscriptionException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is checked before a subscription is published, beyond its fields: its query and its channels. */
class SubscriptionCheckTest {
    private static Subscription with(String query, ChannelSpec... channels) {
        return new Subscription(0, "desk", new Subscription.Filter(null, null, null, null, null, query),
                List.of(channels), null, null, null);
    }

    @Test
    void aGoodSubscriptionHasNoProblem() {
        assertEquals(List.of(), SubscriptionCheck.problems(with("title:summit OR text:\"trade talks\"",
                new ChannelSpec("slack", "https://chat.example/hooks/abc", null),
                new ChannelSpec("ntfy", "https://ntfy.example/desk", null),
                new ChannelSpec("email", "desk@newsmon.test, night@newsmon.test", null),
                new ChannelSpec("slack", null, "DESK_SLACK_URL"))));
    }

    @Test
    void aQueryThatDoesNotParseAndBadChannelsAreEachNamed() {
        List<String> problems = SubscriptionCheck.problems(with("(summit AND",
                new ChannelSpec("ntfy", "https://ntfy.example/", null),
                new ChannelSpec("email", "not an address", null),
                new ChannelSpec("slack", "ftp://chat.example/x", null)));
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("channels[0].to: must be the URL of an ntfy topic"), problems.get(0));
        assertTrue(problems.get(1).startsWith("channels[1].to: is not a list of email addresses"), problems.get(1));
        assertEquals("channels[2].to: must be an http or https URL", problems.get(2));
        assertTrue(problems.get(3).startsWith("filter.query: does not parse: "), problems.get(3));
    }

    @Test
    void theFirstBadSubscriptionRefusesTheWholeList() {
        Subscription good = with(null);
        Subscription bad = new Subscription(0, "bad", null, List.of(new ChannelSpec("pager", "x", null)), null,
                null, null);
        String message = assertThrows(SubscriptionException.class,
                () -> SubscriptionCheck.check(List.of(good, bad), "all.yaml")).getMessage();
        assertEquals("subscription bad (all.yaml): channels[0].type: 'pager' is not one of slack, ntfy, email",
                message);
    }
}
