package dev.newsmon.app;

import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.app.pipeline.Services;
import dev.newsmon.common.config.ConfigLoader;
import dev.newsmon.common.config.NewsmonConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser against a running pipeline: headless Chromium opens the page while no story
 * exists yet, the feeds are polled, and the story must appear without a reload (over Server-Sent Events). The
 * screenshot is kept as a build artifact: target/dashboard-browser.png.
 */
class DashboardBrowserIT {
    private static final Path SCREENSHOT = Path.of("target", "dashboard-browser.png");

    @TempDir
    Path dir;

    @Test
    void aStoryAppearsLiveWithoutReloading() throws Exception {
        try (FixtureFeedServer feeds = new FixtureFeedServer("/fixtures/once")) {
            Path list = feeds.writeFeedList(dir);
            NewsmonConfig config = ConfigLoader.load(null, Map.of(), Map.of(
                    "data.dir", dir.resolve("data").toString(), "broker.port", "0",
                    "processor.rules.file", "../config/rules.yaml", "ingest.feeds", list.toString(),
                    "sink.out.dir", dir.resolve("out").toString(), "sink.console", "false",
                    "sink.http.enabled", "true", "sink.http.port", "0"));
            try (Pipeline pipeline = Pipeline.start(config, Services.feeds(config), System.out);
                 Chromium chromium = Chromium.launch(Files.createDirectories(dir.resolve("chromium")))) {
                String url = pipeline.dashboardUrl().orElseThrow();
                Chromium.Page page = chromium.open(url);
                awaitTrue(page, "document.getElementById('status') && document.getElementById('status').textContent === 'live'");
                assertEquals(0, page.eval("document.querySelectorAll('#stories tbody tr').length").asInt(),
                        "no story before the feeds are polled");
                // A marker that a reload would wipe out.
                page.eval("window.__sameDocument = true");

                pipeline.pollOnce();

                awaitTrue(page, "document.querySelectorAll('#live .live-arrival').length > 0");
                awaitTrue(page, "[...document.querySelectorAll('#stories tbody tr')].some(r => "
                        + "r.textContent.includes('Russia will keep cosmonauts') && r.querySelector('mark'))");
                assertTrue(page.eval("window.__sameDocument === true").asBoolean(), "the page was not reloaded");
                assertEquals(1, page.eval("performance.getEntriesByType('navigation').length").asInt());
                page.screenshot(SCREENSHOT);
                assertTrue(Files.size(SCREENSHOT) > 1000, "a real PNG was saved");
            }
        }
    }

    private static void awaitTrue(Chromium.Page page, String expression) throws Exception {
        long deadline = System.nanoTime() + Chromium.timeout().toNanos();
        while (!page.eval(expression).asBoolean(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + Chromium.timeout() + ": " + expression
                        + "\npage: " + page.eval("document.body ? document.body.innerText : ''").asText());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
