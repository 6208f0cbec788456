package dev.newsmon.app.proof;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a scenario's alerts file says about its workload: which expected (story, outlet) alerts arrived, which
 * came twice, and how many story alerts each story got. Alerts of other scenarios on the same broker are ignored.
 *
 * @param expected   alerts the workload must produce: one per story and outlet
 * @param delivered  distinct expected alerts found
 * @param duplicates lines about an item already alerted, plus story alerts beyond the first of a story
 * @param lost       expected alerts not found
 * @param unexpected alerts of this workload that no rule should have raised (the untagged local items)
 * @param items      ids of the items whose alerts were found
 */
record AlertLedger(int expected, int delivered, int duplicates, int lost, int unexpected, Set<String> items) {
    private static final ObjectMapper JSON = Json.mapper();

    static AlertLedger of(Path alertsFile, StoryWorkload workload) throws IOException {
        List<Alert> mine = new ArrayList<>();
        int unexpected = 0;
        if (Files.exists(alertsFile)) {
            for (String line : Files.readAllLines(alertsFile)) {
                Alert a = JSON.readValue(line, Alert.class);
                if (workload.storyOf(a.title()) >= 0) {
                    mine.add(a);
                } else if (a.title().contains("[local " + workload.code() + "]")) {
                    unexpected++;
                }
            }
        }
        Set<String> items = new HashSet<>();
        Set<String> storyOutlets = new HashSet<>();
        Map<Integer, Integer> storyAlerts = new HashMap<>();
        Map<Integer, Set<String>> storyIds = new HashMap<>();
        int duplicates = 0;
        for (Alert a : mine) {
            int story = workload.storyOf(a.title());
            if (!items.add(a.itemId())) {
                duplicates++;
                continue;
            }
            storyOutlets.add(story + "|" + a.outlet());
            storyIds.computeIfAbsent(story, s -> new HashSet<>()).add(a.storyId());
            if (a.kind() == Alert.Kind.STORY) {
                storyAlerts.merge(story, 1, Integer::sum);
            }
        }
        for (int alerts : storyAlerts.values()) {
            duplicates += Math.max(0, alerts - 1);
        }
        for (Set<String> ids : storyIds.values()) {
            // Copies that carry another story id than their story's are a second story in disguise.
            duplicates += Math.max(0, ids.size() - 1);
        }
        int expected = workload.expectedAlerts();
        int delivered = storyOutlets.size();
        return new AlertLedger(expected, delivered, duplicates, expected - delivered, unexpected, Set.copyOf(items));
    }

    /** Prints the line of a scenario (what was injected, what was verified), then asserts nothing lost or repeated. */
    void verify(String scenario, String injected) {
        System.out.println("[proof] " + scenario + " | injected: " + injected + " | expected alerts " + expected
                + ", delivered " + delivered + ", duplicates " + duplicates + ", lost " + lost + ", unexpected "
                + unexpected);
        assertEquals(0, lost, this::toString);
        assertEquals(0, duplicates, this::toString);
        assertEquals(0, unexpected, this::toString);
        assertEquals(expected, delivered, this::toString);
    }
}
