package dev.newsmon.ingest.parse.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance of one corpus folder.
 *
 * @param folder   the folder, relative to the corpora root
 * @param checked  files with an expectation that were checked
 * @param failures the checked files that did not meet it, each with its reason, in file order
 */
public record FolderResult(String folder, int checked, List<Failure> failures) {
    public FolderResult {
        failures = List.copyOf(failures);
    }

    public int passed() {
        return checked - failures.size();
    }

    /** Passed over checked, in percent; 100 for an empty folder. */
    public double passRate() {
        return checked == 0 ? 100.0 : 100.0 * passed() / checked;
    }

    /** The failures by kind of reason, the kinds in the order they first occur. */
    public Map<String, List<Failure>> failuresByKind() {
        Map<String, List<Failure>> byKind = new LinkedHashMap<>();
        failures.forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        return byKind;
    }

    /**
     * One file that failed, named relative to the corpora root.
     *
     * @param kind   what went wrong, in a few words shared by every file it happened to (see {@link Miss})
     * @param reason the particulars for this file
     */
    public record Failure(String file, String kind, String reason) {
    }

    /** Why a checked file fails its expectation: a kind of reason, and the particulars. */
    record Miss(String kind, String reason) {
    }
}
