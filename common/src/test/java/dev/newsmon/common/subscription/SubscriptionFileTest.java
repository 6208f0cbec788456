package dev.newsmon.common.subscription;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionFileTest {
    private static List<Subscription> read(String yaml) throws SubscriptionException {
        return SubscriptionFile.read(yaml.getBytes(StandardCharsets.UTF_8), "desk.yaml");
    }

    private static String refused(String yaml) {
        return assertThrows(SubscriptionException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void aSubscriptionReadsWithItsDefaults() throws Exception {
        Subscription s = read("""
                name: russia-us
                filter:
                  tags_all: [russia, united-states]
                  min_outlets: 3
                  muted_outlets: [Daily Rumour]
                  query: 'title:summit OR text:"trade talks"'
                channels:
                  - {type: slack, to_env: DESK_SLACK_URL}
                digest: daily
                """).get(0);
        assertEquals("russia-us", s.name());
        assertEquals(List.of("russia", "united-states"), s.filter().tagsAll());
        assertEquals(3, s.filter().minOutlets());
        assertEquals(DigestSchedule.DAILY, s.digest());
        assertTrue(s.instant());
        assertEquals(Subscription.Growth.DEFAULT, s.growth());
        assertEquals("DESK_SLACK_URL", s.channels().get(0).toEnv());
        assertEquals(Subscription.SCHEMA_VERSION, s.schemaVersion());
    }

    @Test
    void exportReadsBack() throws Exception {
        List<Subscription> both = read("""
                subscriptions:
                  - name: one
                    filter: {tags_any: [space-station], language: en}
                  - name: two
                    growth: {outlets: 4, within: 12h}
                """);
        assertEquals(both, read(SubscriptionFile.render(both)));
    }

    @Test
    void aBadSubscriptionIsRefusedNamingTheField() {
        assertEquals("desk.yaml: filter.min_outlet: not a field of a subscription (known: language, min_outlets,"
                + " muted_outlets, query, tags_all, tags_any)", refused("""
                name: desk
                filter: {min_outlet: 2}
                """));
        assertTrue(refused("name: desk\ndigest: weekly\n").startsWith("desk.yaml: digest: "),
                refused("name: desk\ndigest: weekly\n"));
    }

    @Test
    void everyProblemOfASubscriptionNamesItsField() throws Exception {
        assertTrue(read("name: Desk Alerts\n").get(0).problems().get(0)
                .startsWith("name: must be 1 to 63 lower-case letters"));
        String many = String.join("; ", read("""
                name: desk
                filter: {min_outlets: 0}
                growth: {outlets: 1, within: soon}
                channels: [{type: slack}]
                """).get(0).problems());
        assertTrue(many.contains("filter.min_outlets: must be at least 1, got 0"), many);
        assertTrue(many.contains("growth.outlets: must be 0 (off) or at least 2, got 1"), many);
        assertTrue(many.contains("growth.within: must be a duration such as 90m, 6h or 1d, got 'soon'"), many);
        assertTrue(many.contains("channels[0].to: set exactly one of to and to_env"), many);
    }
}
