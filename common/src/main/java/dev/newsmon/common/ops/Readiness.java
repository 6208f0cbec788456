package dev.newsmon.common.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The named conditions under which a process takes part in the pipeline. It is ready when it has at least one
 * condition and every one holds: a process whose services have not registered yet is not ready.
 */
public final class Readiness {
    private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();

    /** Adds (or replaces) the condition {@code name}, e.g. "processor" -> Kafka Streams is RUNNING. */
    public void add(String name, BooleanSupplier check) {
        checks.put(name, check);
    }

    /** Each condition by name with its current answer, in name order. */
    public Map<String, Boolean> status() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        checks.keySet().stream().sorted().forEach(name -> out.put(name, checks.get(name).getAsBoolean()));
        return out;
    }

    public boolean ready() {
        Map<String, Boolean> status = status();
        return !status.isEmpty() && !status.containsValue(false);
    }
}
