package dev.newsmon.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Peak resident set size of a process, from Linux's /proc/PID/status (VmHWM). */
public final class PeakRss {
    private PeakRss() {
    }

    /** Peak RSS in KiB, or empty where /proc is not there (not Linux) or the process has gone. */
    public static OptionalLong kib(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
