package dev.newsmon.processor.dedup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoilerplateTest {
    @TempDir
    Path dir;

    @Test
    void fileReplacesTheBuiltInList() throws IOException {
        Path file = dir.resolve("boilerplate.txt");
        Files.writeString(file, """
                # an outlet's own trailer
                text (?i)subscribe to the lakeside press newsletter\\.?
                lead ^LAKESIDE:\\s*
                title \\s+\\[LP\\]$
                """);
        Boilerplate own = Boilerplate.load(file);

        assertEquals("Crews checked the seals.",
                own.stripText("LAKESIDE: Crews checked the seals. Subscribe to the Lakeside Press newsletter."));
        assertEquals("Crews check the hatch seals", own.stripTitle("Crews check the hatch seals [LP]"));
        // The built-in patterns are gone: a copyright footer now stays.
        assertTrue(own.stripText("Text. © 2026 X. All rights reserved.").contains("All rights reserved"));
    }

    @Test
    void russianTrailersAndDatelinesAreBoilerplate() {
        Boilerplate builtIn = Boilerplate.builtIn();
        String body = "Корабль доставил на станцию 2,5 тонны грузов. Разгрузкой займутся космонавты.";

        assertEquals(body, builtIn.stripText("МОСКВА, 3 марта. /СИА/. " + body
                + " При цитировании и использовании материалов ссылка на издание «Северное информагентство» "
                + "(sia-news.example) обязательна."));
        assertEquals(body, builtIn.stripText("МОСКВА, 3 марта (Орбита-Информ) — " + body
                + " Читайте также: Космонавты вырастили редис на орбите"
                + " Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать о главных новостях."));
        assertEquals(body, builtIn.stripText(body + " © 2026 Волжская правда. Все права защищены."));
        assertEquals("Прогресс МС-34 доставил на МКС оранжерею",
                builtIn.stripTitle("Прогресс МС-34 доставил на МКС оранжерею — Волжская правда"));
    }

    @Test
    void badLineIsRefusedWithItsLineNumber() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Boilerplate.parse(List.of("# ok", "footer (?i)bye"), "own.txt"));
        assertTrue(unknown.getMessage().contains("own.txt line 2"), unknown.getMessage());

        IllegalArgumentException regex = assertThrows(IllegalArgumentException.class,
                () -> Boilerplate.parse(List.of("text ([unclosed"), "own.txt"));
        assertTrue(regex.getMessage().contains("not a regular expression"), regex.getMessage());
    }
}
