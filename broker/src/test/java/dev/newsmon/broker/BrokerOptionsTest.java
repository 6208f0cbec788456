package dev.newsmon.broker;

import dev.newsmon.common.config.ConfigLoader;
import dev.newsmon.common.config.NewsmonConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BrokerOptionsTest {
    @Test
    void theDefaultsAddNoJvmOption() {
        BrokerOptions options = BrokerOptions.from(NewsmonConfig.defaults());
        assertEquals(List.of(), options.jvmOptions());
    }

    @Test
    void jvmOptionsComeFromTheSettingInTheirOrder() throws Exception {
        NewsmonConfig config = ConfigLoader.load(null, Map.of(),
                Map.of("broker.jvm-options", "-XX:TieredStopAtLevel=1,-Xss512k"));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xss512k"), BrokerOptions.from(config).jvmOptions());
    }
}
