package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Items made to probe a tagger's edges: words of the rules and of ordinary news, in the spellings analysis must
 * fold (case, plurals, possessives, hyphens, accents, dotted acronyms, punctuation; for Russian words their cases
 * and numbers, ё for е, acronyms in capitals and quotes), and labelled items with words dropped, swapped and
 * respelled. Deterministic for a seed.
 */
final class ItemMutator {
    private static final String[] FILLER = ("the a of and in on to said with for after new council city agency"
            + " report week officials plan market company year crew people launch second talks program data"
            + " office space station gas weather play union progress gateway dragon mir orbit module dock"
            + " cleaning contract shareholders vote chess match sanctions bank lunar research"
            + " и в на с что сообщили станция станции союз союза прогресс мир карты метро экипаж экипажа космонавтов"
            + " космонавтика роскосмос НАСА нас МКС РОС рос орбите стыковка полёт модуля заправочная улица").split(" ");
    /** Russian case and number endings, and the endings a word may lose. */
    private static final String[] RUSSIAN_ENDINGS = {"а", "у", "ом", "ы", "ов", "ам", "ами", "ах", "ой", "ую", "ю",
            "ых", "е", "и"};
    private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

    private final Random random;
    private final List<String> ruleWords;

    /** @param ruleWords the words and phrases of the rules under test */
    ItemMutator(long seed, List<String> ruleWords) {
        this.random = new Random(seed);
        this.ruleWords = List.copyOf(ruleWords);
    }

    /** The words of a rules file's queries, operators and syntax left out. */
    static List<String> wordsOf(Rules rules) {
        List<String> words = new ArrayList<>();
        for (TagRule tag : rules.tags()) {
            for (RuleQuery q : tag.queries()) {
                for (String w : q.query().split("[\\s()\"~^]+")) {
                    String bare = w.replaceAll("[*?]", "").replaceAll("^[a-z]+:", "");
                    if (!bare.isBlank() && !List.of("AND", "OR", "NOT").contains(bare) && !bare.matches("\\d+")) {
                        words.add(bare);
                    }
                }
            }
        }
        return words;
    }

    /** The labelled items, then {@code varied} more: generated and mutated ones, half of each. */
    List<FeedItem> withVaried(List<FeedItem> labelled, int varied) {
        List<FeedItem> items = new ArrayList<>(labelled);
        for (int i = 0; i < varied; i++) {
            items.add(i % 2 == 0 ? generated(i) : mutated(labelled.get(i % labelled.size()), i));
        }
        return items;
    }

    FeedItem generated(int n) {
        return item("gen-" + n, sentence(4 + random.nextInt(9)), sentence(8 + random.nextInt(90)));
    }

    FeedItem mutated(FeedItem original, int n) {
        return item("mut-" + n, mutate(original.title()), mutate(original.text()));
    }

    private String sentence(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = random.nextDouble() < 0.2 ? ruleWords.get(random.nextInt(ruleWords.size()))
                    : FILLER[random.nextInt(FILLER.length)];
            s.append(i == 0 ? "" : separator()).append(respell(w));
        }
        return s.toString();
    }

    private String mutate(String text) {
        String[] words = text.split(" ");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            double p = random.nextDouble();
            String w = words[i];
            if (p < 0.05) {
                continue;
            } else if (p < 0.10 && i + 1 < words.length) {
                String next = words[i + 1];
                words[i + 1] = w;
                w = next;
            } else if (p < 0.2) {
                w = respell(w);
            } else if (p < 0.23) {
                w = ruleWords.get(random.nextInt(ruleWords.size()));
            }
            s.append(s.length() == 0 ? "" : separator()).append(w);
        }
        return s.toString();
    }

    private String separator() {
        double p = random.nextDouble();
        return p < 0.9 ? " " : p < 0.94 ? ", " : p < 0.97 ? "-" : ". ";
    }

    private String respell(String w) {
        if (!w.isEmpty() && CyrillicFilter.isCyrillic(w.charAt(0))) {
            return respellRussian(w);
        }
        return switch (random.nextInt(10)) {
            case 0 -> w.toUpperCase(Locale.ROOT);
            case 1 -> w.toLowerCase(Locale.ROOT);
            case 2 -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
            case 3 -> w + "s";
            case 4 -> w + "'s";
            case 5 -> w.replace('e', 'é');
            case 6 -> String.join(".", w.split("")) + ".";
            case 7 -> "\"" + w + "\"";
            case 8 -> w.endsWith("y") ? w.substring(0, w.length() - 1) + "ies" : w + "es";
            default -> w;
        };
    }

    private String respellRussian(String w) {
        return switch (random.nextInt(9)) {
            case 0 -> w.toUpperCase(Locale.ROOT);
            case 1 -> w.toLowerCase(Locale.ROOT);
            case 2 -> Character.toUpperCase(w.charAt(0)) + w.substring(1);
            case 3 -> w + RUSSIAN_ENDINGS[random.nextInt(RUSSIAN_ENDINGS.length)];
            case 4 -> (w.length() > 3 ? w.substring(0, w.length() - 1) : w)
                    + RUSSIAN_ENDINGS[random.nextInt(RUSSIAN_ENDINGS.length)];
            case 5 -> w.replace('е', 'ё');
            case 6 -> w.replace('ё', 'е').replace('Ё', 'Е');
            case 7 -> "«" + w + "»";
            default -> w;
        };
    }

    private static FeedItem item(String id, String title, String text) {
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://mutations.example/feed.xml", "Mutations",
                "https://mutations.example/" + id, title, text, T, T);
    }
}
