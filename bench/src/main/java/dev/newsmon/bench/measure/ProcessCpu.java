package dev.newsmon.bench.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time used so far by this JVM and, where there is one, by the embedded broker's: the cost of a replay in
 * CPU-seconds, which the machine's other load moves far less than its wall-clock rate.
 */
public final class ProcessCpu {
    /** Linux's USER_HZ, the unit of /proc/PID/stat's times: 100 on every architecture Linux exports it on. */
    private static final long TICKS_PER_SECOND = 100;

    private final OptionalLong brokerPid;

    public ProcessCpu(OptionalLong brokerPid) {
        this.brokerPid = brokerPid;
    }

    /** CPU-nanoseconds used so far by this JVM and by the broker's. */
    public Sample now() {
        long own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Sample(own, brokerPid.isPresent() ? ticks(brokerPid.getAsLong()) * (1_000_000_000L
                / TICKS_PER_SECOND) : 0);
    }

    /** utime + stime of a process from /proc/PID/stat, 0 where /proc is not there or the process has gone. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU-nanoseconds of this JVM ({@code own}) and of the broker's JVM. */
    public record Sample(long ownNanos, long brokerNanos) {
        /** CPU-seconds used between an earlier sample and this one. */
        public Used since(Sample earlier) {
            return new Used((ownNanos - earlier.ownNanos) / 1e9, (brokerNanos - earlier.brokerNanos) / 1e9);
        }
    }

    /** CPU-seconds of one span: this JVM's and the broker's. */
    public record Used(double ownSeconds, double brokerSeconds) {
    }
}
