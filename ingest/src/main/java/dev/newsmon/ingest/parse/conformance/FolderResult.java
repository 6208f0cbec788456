package dev.newsmon.ingest.parse.conformance;

import java.util.List;

/**
 * The conformance of one corpus folder.
 *
 * @param folder   the folder, relative to the corpora root
 * @param checked  files with an expectation that were checked
 * @param failures the checked files that did not meet it, each with its reason
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

    /** One file that failed, named relative to the corpora root. */
    public record Failure(String file, String reason) {
    }
}
