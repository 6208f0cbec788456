package dev.newsmon.processor.tagging;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.kafka.TopicAdmin;
import org.apache.kafka.clients.admin.Admin;

import java.util.List;
import java.util.Map;

/** The topic of live rules. */
public final class RulesTopic {
    private RulesTopic() {
    }

    /** Creates {@code news.rules} if absent: one partition (one record) and compacted (only the latest counts). */
    public static void ensure(Admin admin, NewsmonConfig config) throws InterruptedException {
        TopicAdmin.ensureTopics(admin, List.of(Topics.RULES), Map.of(Topics.RULES, Topics.COMPACTED), 1,
                config.get(Settings.TOPIC_REPLICATION).shortValue());
    }
}
