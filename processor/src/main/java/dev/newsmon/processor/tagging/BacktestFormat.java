package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link BacktestReport} as plain text for a person tuning rules. */
public final class BacktestFormat {
    private BacktestFormat() {
    }

    public static String render(BacktestReport report) {
        StringBuilder out = new StringBuilder();
        out.append("rules_version ").append(report.rulesVersion()).append(": ").append(report.items()).append(" items");
        if (report.withLabels()) {
            out.append(", ").append(report.labelled()).append(" labelled");
        }
        out.append("\n\n");
        for (BacktestReport.TagStats t : report.tags()) {
            out.append(t.tag()).append(": ").append(t.tagged()).append(t.tagged() == 1 ? " item\n" : " items\n");
            t.samples().forEach(s -> out.append("  - ").append(s).append('\n'));
        }
        if (!report.withLabels()) {
            return out.toString();
        }
        out.append('\n').append(table(report));
        for (BacktestReport.TagStats t : report.tags()) {
            examples(out, "false positives", t.tag(), t.falsePositives());
            examples(out, "false negatives", t.tag(), t.falseNegatives());
        }
        return out.toString();
    }

    /** The precision, recall and F1 table, in Markdown so that it reads as text and renders in a README. */
    public static String table(BacktestReport report) {
        StringBuilder out = new StringBuilder();
        out.append("| tag | TP | FP | FN | precision | recall | F1 |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (BacktestReport.TagStats t : report.tags()) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s |%n", t.tag(),
                    t.truePositives(), t.falsePositives().size(), t.falseNegatives().size(),
                    number(t.precision()), number(t.recall()), number(t.f1())));
        }
        return out.toString();
    }

    private static void examples(StringBuilder out, String kind, String tag, List<Backtest.Example> examples) {
        if (examples.isEmpty()) {
            return;
        }
        out.append('\n').append(kind).append(" of ").append(tag).append(" (").append(examples.size()).append("):\n");
        for (Backtest.Example e : examples) {
            out.append("  - ").append(e.title());
            if (e.url() != null) {
                out.append("  <").append(e.url()).append('>');
            }
            out.append('\n');
            Map<String, List<TagMatch>> matches = e.result().matches();
            if (matches.isEmpty()) {
                out.append("      matched nothing\n");
            }
            matches.forEach((matchedTag, queries) -> queries.forEach(q -> out.append("      ")
                    .append(matchedTag).append('/').append(q.query()).append(": ").append(terms(q.terms()))
                    .append('\n')));
        }
    }

    private static String terms(List<MatchedTerm> terms) {
        return terms.stream()
                .map(t -> t.field() + ":\"" + t.term() + "\"@" + t.start())
                .collect(Collectors.joining(", "));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
