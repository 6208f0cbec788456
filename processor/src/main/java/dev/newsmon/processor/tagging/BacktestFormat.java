package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;

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
        if (!report.languages().isEmpty()) {
            out.append(report.languages().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().items())
                    .collect(Collectors.joining(", ", " (", ")")));
        }
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
        if (!report.f1Intervals().isEmpty()) {
            out.append("\nF1 95% interval: bootstrap over the labels' stories (").append(StoryBootstrap.RESAMPLES)
                    .append(" draws of the stories with replacement, fixed seed; 2.5th to 97.5th percentile)\n");
        }
        out.append("\nby language (the item's language field; without one, its script: Cyrillic is ru, any other en):\n\n")
                .append(languages(report));
        out.append("\nerrors by label category:\n\n").append(categories(report));
        for (BacktestReport.TagStats t : report.tags()) {
            examples(out, "false positives", t.tag(), t.falsePositives());
            examples(out, "false negatives", t.tag(), t.falseNegatives());
        }
        return out.toString();
    }

    /**
     * The precision, recall and F1 table, in Markdown so that it reads as text and renders in a README; with the
     * 95% interval of F1 when the labels name stories.
     */
    public static String table(BacktestReport report) {
        boolean intervals = !report.f1Intervals().isEmpty();
        StringBuilder out = new StringBuilder();
        out.append("| tag | TP | FP | FN | precision | recall | F1 |").append(intervals ? " F1 95% interval |\n" : "\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|").append(intervals ? "---|\n" : "\n");
        for (BacktestReport.TagStats t : report.tags()) {
            String row = "| " + t.tag() + figures(t);
            StoryBootstrap.Interval interval = report.f1Intervals().get(t.tag());
            if (intervals) {
                row = row.stripTrailing() + " " + (interval == null ? "-"
                        : number(interval.lower()) + "-" + number(interval.upper())) + " |\n";
            }
            out.append(row);
        }
        return out.toString();
    }

    /** The same table per language, with the items read in each (Markdown). */
    public static String languages(BacktestReport report) {
        StringBuilder out = new StringBuilder();
        out.append("| language | items | tag | TP | FP | FN | precision | recall | F1 |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        report.languages().forEach((language, stats) -> {
            for (BacktestReport.TagStats t : stats.tags()) {
                out.append("| ").append(language).append(" | ").append(stats.items()).append(" | ").append(t.tag())
                        .append(figures(t));
            }
        });
        return out.toString();
    }

    /** A row's counts and ratios, after its first columns. */
    private static String figures(BacktestReport.TagStats t) {
        return String.format(Locale.ROOT, " | %d | %d | %d | %s | %s | %s |%n", t.truePositives(),
                t.falsePositives().size(), t.falseNegatives().size(), number(t.precision()), number(t.recall()),
                number(t.f1()));
    }

    /** Per label category, its items and each tag's false positives and negatives among them (Markdown). */
    public static String categories(BacktestReport report) {
        StringBuilder out = new StringBuilder("| category | items |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (BacktestReport.TagStats t : report.tags()) {
            out.append(' ').append(t.tag()).append(" FP | ").append(t.tag()).append(" FN |");
            rule.append("---:|---:|");
        }
        out.append('\n').append(rule).append('\n');
        report.categories().forEach((category, items) -> {
            out.append("| ").append(category).append(" | ").append(items).append(" |");
            for (BacktestReport.TagStats t : report.tags()) {
                out.append(' ').append(t.falsePositives(category)).append(" | ").append(t.falseNegatives(category))
                        .append(" |");
            }
            out.append('\n');
        });
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
            out.append("  [").append(e.category()).append("]\n");
            TagRelevance relevance = e.result().relevance().get(tag);
            if (relevance == null) {
                out.append("      no query of ").append(tag).append(" matched\n");
            } else {
                out.append(String.format(Locale.ROOT, "      relevance %.2f (needs %.2f): %s%n", relevance.score(),
                        relevance.threshold(), relevance.reason()));
                List<TagMatch> hits = e.result().matches().getOrDefault(tag, List.of());
                for (Evidence ev : relevance.evidence()) {
                    out.append(String.format(Locale.ROOT, "        %s: %s, %d mention%s, %.2f", ev.query(), ev.where(),
                            ev.mentions(), ev.mentions() == 1 ? "" : "s", ev.score()));
                    hits.stream().filter(m -> m.query().equals(ev.query())).findFirst()
                            .ifPresent(m -> out.append(": ").append(terms(m.terms())));
                    out.append('\n');
                }
            }
            Map<String, TagRelevance> others = e.result().relevance();
            others.forEach((other, r) -> {
                if (!other.equals(tag)) {
                    out.append(String.format(Locale.ROOT, "      (%s: relevance %.2f, %s)%n", other, r.score(),
                            r.reason()));
                }
            });
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
