package dev.newsmon.processor.dedup;

import java.util.ArrayList;
import java.util.List;

/** The copies waiting for an undecided item's story id. */
public record Waiters(List<LookupRequest> requests) {
    public Waiters {
        requests = List.copyOf(requests);
    }

    public Waiters plus(LookupRequest request) {
        List<LookupRequest> all = new ArrayList<>(requests);
        all.add(request);
        return new Waiters(all);
    }
}
