package dev.newsmon.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a service in the foreground until it ends or the process gets SIGTERM / Ctrl-C. On a signal the service
 * is closed (which drains and commits), and the process exits 0: a requested stop is not a failure. A stop that
 * takes longer than {@code shutdown.timeout} or fails exits 1, so an orchestrator sees an unclean stop.
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

    static void runUntilSignalled(Body body, Stop stop, Duration timeout) throws Exception {
        AtomicBoolean signalled = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            signalled.set(true);
            LOG.info("stopping: draining and committing timeout={}", timeout);
            Runtime.getRuntime().halt(stopWithin(stop, timeout) ? 0 : 1);
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

    /** Runs the stop on its own thread so a hung close cannot hold the process past the timeout. */
    private static boolean stopWithin(Stop stop, Duration timeout) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread closer = new Thread(() -> {
            try {
                stop.close();
            } catch (Exception e) {
                failure.set(e);
            }
        }, "newsmon-stop");
        closer.setDaemon(true);
        closer.start();
        boolean clean;
        try {
            closer.join(Math.max(1, timeout.toMillis()));
            if (closer.isAlive()) {
                LOG.error("unclean stop: still draining after shutdown.timeout={}", timeout);
                clean = false;
            } else if (failure.get() != null) {
                LOG.error("unclean stop: error={}", failure.get().toString());
                clean = false;
            } else {
                LOG.info("stopped cleanly");
                clean = true;
            }
        } catch (InterruptedException e) {
            clean = false;
        }
        System.out.flush();
        System.err.flush();
        return clean;
    }
}
