package dev.newsmon.common.kafka;

import dev.newsmon.common.config.NewsmonConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticMembershipTest {
    @TempDir
    Path dataDir;

    @Test
    void aRestartFindsTheIdItsSlotKept() throws Exception {
        Path slot = Files.createDirectories(dataDir.resolve("group-members").resolve("newsmon-sink-postgres"))
                .resolve("1.id");
        Files.writeString(slot, "newsmon-sink-postgres-1a2b3c4d\n");
        assertEquals("newsmon-sink-postgres-1a2b3c4d", StaticMembership.instanceId(dataDir, "newsmon-sink-postgres"));
    }

    @Test
    void twoMembersOfOneGroupSharingADataDirGetTwoIdsEachKeptInItsSlot() throws Exception {
        String first = StaticMembership.instanceId(dataDir, "newsmon-processor");
        String second = StaticMembership.instanceId(dataDir, "newsmon-processor");
        assertNotEquals(first, second);
        assertTrue(first.startsWith("newsmon-processor-"), first);
        Path members = dataDir.resolve("group-members").resolve("newsmon-processor");
        assertEquals(first, Files.readString(members.resolve("1.id")));
        assertEquals(second, Files.readString(members.resolve("2.id")));
    }

    @Test
    void aMemberHasAShortSessionAndAnIdOfItsGroup() {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of("data.dir", dataDir.toString()));
        Map<String, Object> member = StaticMembership.member(config, "newsmon-sink-jsonl");
        assertEquals(10_000, member.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertEquals(1_000, member.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        assertTrue(member.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG).toString().startsWith("newsmon-sink-jsonl-"));
    }
}
