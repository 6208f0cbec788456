package dev.newsmon.app.proof;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sink loop ({@code SinkRunner} or one {@code SinkService}) on its own thread, as the app runs it; remembers
 * what ended the thread.
 */
final class RunningSink<S extends Runnable & AutoCloseable> implements AutoCloseable {
    private final S sink;
    private final Thread thread;
    private final AtomicReference<Throwable> death = new AtomicReference<>();

    private RunningSink(S sink) {
        this.sink = sink;
        this.thread = new Thread(sink, "proof-sink");
        thread.setUncaughtExceptionHandler((t, e) -> death.set(e));
    }

    static <S extends Runnable & AutoCloseable> RunningSink<S> start(S sink) {
        RunningSink<S> running = new RunningSink<>(sink);
        running.thread.start();
        return running;
    }

    S sink() {
        return sink;
    }

    Throwable awaitDeath(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return death.get();
    }

    /** Stops the loop (committing what it wrote) and waits for its thread. */
    @Override
    public void close() throws Exception {
        sink.close();
        thread.join(30_000);
    }
}
