package dev.newsmon.sink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every enabled sink of one process, each {@link SinkService} on its own thread (so a slow webhook never holds
 * back the file or the database), plus what they serve (the dashboard). {@link #run()} returns when all stopped.
 */
public final class SinkRunner implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);

    private final List<SinkService> services;
    private final List<AutoCloseable> companions;
    private final String dashboardUrl;
    private final CountDownLatch done = new CountDownLatch(1);

    /**
     * @param companions   started by the caller, closed after the services stop (the dashboard and its feeder)
     * @param dashboardUrl where the dashboard is served, null when it is off
     */
    public SinkRunner(List<SinkService> services, List<AutoCloseable> companions, String dashboardUrl) {
        this.services = List.copyOf(services);
        this.companions = List.copyOf(companions);
        this.dashboardUrl = dashboardUrl;
    }

    public List<String> sinkNames() {
        return services.stream().map(SinkService::sinkName).toList();
    }

    public List<SinkService> services() {
        return services;
    }

    public Optional<String> dashboardUrl() {
        return Optional.ofNullable(dashboardUrl);
    }

    @Override
    public void run() {
        List<Thread> threads = new ArrayList<>();
        for (SinkService s : services) {
            Thread t = new Thread(s, "newsmon-sink-" + s.sinkName());
            t.start();
            threads.add(t);
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
        }
    }

    /** Stops every sink (each commits what it wrote), then the companions; waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (SinkService s : services) {
            all &= s.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        closeCompanions();
        return all && (services.isEmpty() || done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
    }

    /** Releases the clients of a runner that will never run, when start-up failed half-way. */
    public void abandon() {
        services.forEach(SinkService::abandon);
        closeCompanions();
    }

    private void closeCompanions() {
        for (AutoCloseable c : companions) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.error("cannot close {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
