package dev.newsmon.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a service in the foreground until it ends or the process gets SIGTERM / Ctrl-C. On a signal the service
 * is closed (which drains and commits), and the process exits 0: a requested stop is not a failure.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private Lifecycle() {
    }

    interface Body {
        void run() throws Exception;
    }

    interface Stop {
        void close() throws Exception;
    }

    static void runUntilSignalled(Body body, Stop stop) throws Exception {
        AtomicBoolean signalled = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            signalled.set(true);
            LOG.info("stopping: draining and committing");
            try {
                stop.close();
            } catch (Exception e) {
                LOG.error("unclean stop: {}", e.toString());
                System.err.flush();
                Runtime.getRuntime().halt(1);
            }
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(0);
        }, "newsmon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        body.run();
        if (signalled.get()) {
            // The body ended because the hook is stopping it; the hook ends the process once it has drained.
            hook.join();
            return;
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        stop.close();
    }
}
