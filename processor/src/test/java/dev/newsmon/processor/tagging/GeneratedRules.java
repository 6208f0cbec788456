package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Large rule sets for tests and benchmarks, built from the words of items so that some of their rules match. */
public final class GeneratedRules {
    private GeneratedRules() {
    }

    /**
     * {@code count} rules of the shape analysts write, from the English and Russian words of the items: a phrase of
     * two words, or a third word, AND a fourth; every tenth with a prefix term and every seventh with a NOT, so that
     * the prefilter meets those too.
     */
    public static Rules of(List<FeedItem> items, int count, long seed) throws RulesException {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(items.stream()
                .flatMap(i -> List.of((i.title() + " " + i.text()).toLowerCase(Locale.ROOT).split("[^a-zа-яё]+"))
                        .stream())
                .filter(w -> w.length() > 3)
                .toList()));
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder("version: generated-" + count + "\ntags:\n");
        for (int r = 0; r < count; r++) {
            String a = pick(words, random);
            String b = pick(words, random);
            String c = pick(words, random);
            String d = pick(words, random);
            String query = "(\"" + a + " " + b + "\" OR " + c + ") AND " + d;
            if (r % 10 == 0) {
                query += "*";
            }
            if (r % 7 == 0) {
                query += " NOT " + pick(words, random);
            }
            // Relevance 0: every match tags, as a plain keyword filter would.
            yaml.append("  t").append(r).append(":\n    relevance: 0\n    queries:\n      - name: q\n        query: '")
                    .append(query).append("'\n");
        }
        return RulesLoader.parse(yaml.toString().getBytes(StandardCharsets.UTF_8), "generated");
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }
}
