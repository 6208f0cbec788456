package dev.newsmon.app.proof;

import dev.newsmon.sink.SinkService;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** A sink service on its own thread, as the app runs it; remembers what ended the thread. */
final class RunningSink implements AutoCloseable {
    private final SinkService sink;
    private final Thread thread;
    private final AtomicReference<Throwable> death = new AtomicReference<>();

    private RunningSink(SinkService sink) {
        this.sink = sink;
        this.thread = new Thread(sink, "proof-sink");
        thread.setUncaughtExceptionHandler((t, e) -> death.set(e));
    }

    static RunningSink start(SinkService sink) {
        RunningSink running = new RunningSink(sink);
        running.thread.start();
        return running;
    }

    SinkService service() {
        return sink;
    }

    Throwable awaitDeath(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return death.get();
    }

    @Override
    public void close() throws InterruptedException {
        sink.stop(Duration.ofSeconds(30));
        thread.join(30_000);
    }
}
