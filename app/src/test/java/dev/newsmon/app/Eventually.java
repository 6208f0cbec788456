package dev.newsmon.app;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Poll-until-deadline for conditions no latch can signal (another process, a broker, a group). */
final class Eventually {
    private static final Duration PAUSE = Duration.ofMillis(50);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it does not within {@code timeout}. */
    static void within(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            LockSupport.parkNanos(PAUSE.toNanos());
        }
    }
}
