package dev.newsmon.processor.dedup;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.tagging.JsonlItems;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fingerprints and stripped texts are stored and compared across versions, so a faster fingerprinter must give
 * byte-identical output. The expected digests ({@code fingerprint-golden.properties}) were computed by the plain
 * implementation (one regex pass per boilerplate pattern, boxed sets), over the whole labelled corpus and over
 * generated texts built from the pieces each boilerplate pattern looks for, in every mix and case.
 */
class FingerprintGoldenTest {
    private static final Path CORPUS = Path.of("..", "corpus");
    private static final List<String> FOLDERS = List.of("dev", "test", "earlier", "ru-dev", "ru-test");
    private static final int GENERATED = 4_000;
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(Boilerplate.builtIn());
    private static final Boilerplate BOILERPLATE = Boilerplate.builtIn();
    /** Pieces of text that each pattern starts, needs or ends on, and ordinary words and separators around them. */
    private static final String[] PIECES = {
            "the", "crew", "station", "module", "Ёлка", "ёж", "ЕЖ", "МКС", "NASA", "Roscosmos", "2026", "3", "марта",
            " ", " ", " ", "  ", "\n", ".", ",", "!", "?", "…", "...", "-", " - ", " — ", " – ", " -- ", " | ", " :: ",
            "(", ")", "/", "/СИА/", "(Orbital Wire)", "(Орбита-Информ)", "©", "(c)", "(C)", "Copyright", "copyright",
            "COPYRIGHT", "All rights reserved", "all rights reserved.", "ALL RIGHTS RESERVED", "The post", "the POST",
            "appeared first on", "Appeared First On", "read more", "Read More…", "continue reading", "»", "→", ">>",
            "read the full story", "Contact:", "contacts: ", "Media contact: ", "press contacts:", "press@example.org",
            "jane.roe+news@lakeside-press.example", "@", "Читайте также", "читайте также:", "ЧИТАЙТЕ ТАКЖЕ",
            "Подписывайтесь на", "подписывайтесь на наш канал", "При цитировании", "при использовании",
            "при перепечатке", "обязательна", "обязательна.", "Все права защищены", "все права защищены.",
            "MOSCOW", "HOUSTON, Texas", "PARIS, March 3", "МОСКВА", "МОСКВА, 3 марта.", "WASHINGTON", "St. LOUIS",
            "O'HARE", "a", "ß", "İ", "ǅ", "K", "\u212A", "ſ", "Ω", "\u2126", "bread", "more", "contacts",
            "first", "on", "story", "Read", "full", "reading", "rights", "reserved", "канал", "новости", "таКЖе",
    };

    /** Datelines, whole and broken, to put at the very start of a text. */
    private static final String[] LEADS = {
            "МОСКВА, 3 марта. /СИА/. ", "МОСКВА, 12 МАРТА /ТАСС/ ", "САНКТ-ПЕТЕРБУРГ, 1 мая. /СИА/.",
            "MOSCOW, 3 march /Wire/. ", "HOUSTON, Texas (Lakeside Press) — ", "PARIS, March 3 (AFX) -- ",
            "WASHINGTON — ", "ST. LOUIS - ", "O'HARE – ", "МОСКВА, 3 марта (Орбита-Информ) — ", "Moscow — ",
            "DATELINE — ", "NASA -", "A — ", "МОСКВА, 3 марта. /", "HOUSTON, (unclosed — ",
    };

    @Test
    void fingerprintsOfTheCorpusAndOfGeneratedTextsAreUnchanged() throws IOException {
        Properties expected = new Properties();
        try (InputStream in = getClass().getResourceAsStream("fingerprint-golden.properties")) {
            expected.load(in);
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (String folder : FOLDERS) {
            List<FeedItem> items = new ArrayList<>();
            JsonlItems.read(CORPUS.resolve(folder).resolve("items.jsonl"), items::add);
            Digest d = new Digest();
            items.forEach(i -> d.add(i.itemId(), i.title(), i.text()));
            actual.put(folder, d.hex());
        }
        Random random = new Random(20261207);
        Digest d = new Digest();
        for (int i = 0; i < GENERATED; i++) {
            d.add("g" + i, generated(random, 12), generated(random, 1 + random.nextInt(200)));
        }
        actual.put("generated", d.hex());

        Map<String, String> want = new LinkedHashMap<>();
        actual.keySet().forEach(k -> want.put(k, expected.getProperty(k)));
        assertEquals(want, actual);
    }

    private static String generated(Random random, int maxPieces) {
        StringBuilder s = new StringBuilder(random.nextInt(3) == 0 ? LEADS[random.nextInt(LEADS.length)] : "");
        int n = random.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            s.append(switch (random.nextInt(8)) {
                case 0 -> piece.toUpperCase(java.util.Locale.ROOT);
                case 1 -> piece.toLowerCase(java.util.Locale.ROOT);
                default -> piece;
            });
            if (random.nextInt(3) > 0) {
                s.append(' ');
            }
        }
        return s.toString();
    }

    /** SHA-256 over every output of each input: both stripped texts, the band keys and the packed shingles. */
    private static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(String id, String title, String text) {
            Fingerprint fp = FINGERPRINTER.fingerprint(id, title, text);
            put(BOILERPLATE.stripTitle(title));
            put(BOILERPLATE.stripText(text));
            put(String.join(",", fp.bandKeys()));
            byte[] shingles = fp.shingles().toBytes();
            sha.update(shingles);
            sha.update((byte) 0);
        }

        private void put(String s) {
            sha.update(s.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
