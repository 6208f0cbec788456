package dev.newsmon.app.cli;

import dev.newsmon.app.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench} in the list of commands. The benchmark lives in its own module, which the {@code ./newsmon}
 * launcher runs for this one command, so the services' CLI and image do not carry its workload generator; started
 * any other way, this says where it is.
 */
@Command(name = "bench",
        description = "Measures the whole pipeline over synthetic feeds on the embedded broker: throughput per "
                + "stage, latency, peak memory (./newsmon bench --help; docs/benchmarks.md).")
public final class BenchPointer implements Callable<Integer> {
    @Unmatched
    List<String> arguments;

    @Override
    public Integer call() {
        System.err.println("newsmon: bench runs from the ./newsmon launcher of a source checkout "
                + "(module bench): ./newsmon bench --help");
        return Main.USAGE;
    }
}
