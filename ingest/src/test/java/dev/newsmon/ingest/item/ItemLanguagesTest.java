package dev.newsmon.ingest.item;

import dev.newsmon.common.model.FeedItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ItemLanguagesTest {
    private static FeedItem item(String id, String title, String text) {
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://birch-row.example/feed", "Birch Row", null,
                title, text, null, Instant.EPOCH);
    }

    @Test
    void detectsTheLanguageOfItemsThatHaveNone() {
        List<FeedItem> out = ItemLanguages.detectMissing(List.of(
                item("en", "Crew returns after six months", "The capsule landed on the steppe early on Tuesday, "
                        + "and the three crew members were helped out by the recovery team."),
                item("ru", "Экипаж вернулся после полугода на орбите", "Капсула приземлилась в степи рано утром во "
                        + "вторник, и поисковая группа помогла троим членам экипажа выбраться наружу."),
                item("uk", "Екіпаж повернувся після пів року на орбіті", "Капсула приземлилася в степу рано вранці у "
                        + "вівторок, і пошукова група допомогла трьом членам екіпажу вибратися назовні.")));
        assertEquals(List.of("en", "ru", "uk"), out.stream().map(FeedItem::language).toList());
    }

    @Test
    void keepsADeclaredLanguageAndGuessesNothingFromTooLittle() {
        FeedItem declared = item("d", "Crew returns", "The capsule landed on the steppe.").withLanguage("kk");
        FeedItem tiny = item("t", "ISS", "");
        List<FeedItem> out = ItemLanguages.detectMissing(List.of(declared, tiny));
        assertEquals("kk", out.get(0).language());
        assertNull(out.get(1).language());
    }
}
