package dev.newsmon.processor;

import dev.newsmon.common.Topics;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.eval.AllTagger;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Russian outlets' copies of one story join it through the real topology, whatever Russian boilerplate they add
 * («Читайте также», «Подписывайтесь…», «При цитировании… обязательна», an agency dateline) and whether they print
 * ё; an English write-up of the Russian report, an independent Russian report of the same event and an unrelated
 * story with the same trailers stay stories of their own. Written for this test: outlets and people are fictional.
 */
class RussianCopiesTest {
    private static final Instant T0 = Instant.parse("2026-03-03T09:00:00Z");

    private static final String TITLE = "Грузовой корабль «Прогресс МС-34» доставил на МКС новую оранжерею";
    private static final String SENTENCE_1 = "Грузовой корабль «Прогресс МС-34» в среду пристыковался к модулю"
            + " «Звезда» российского сегмента Международной космической станции, сообщили в Роскосмосе.";
    private static final String SENTENCE_2 = "Кроме топлива, воды и продуктов корабль привёз на орбиту новую"
            + " оранжерею «Витацикл-М», в которой космонавты будут выращивать зелень и карликовые томаты.";
    private static final String BODY = " Оранжерея весит около 40 килограммов и работает от бортовой сети модуля."
            + " Её разработали в Институте медико-биологических проблем по итогам прежних опытов с редисом и"
            + " салатом. Первый урожай экипаж планирует собрать в мае, а часть плодов вернуть на Землю для анализа."
            + " Разгрузкой корабля займутся космонавты Эльдар Хасанов и Полина Рыжова. «Прогресс МС-34»"
            + " пробудет у станции до сентября, после чего его затопят в несудоходном районе Тихого океана.";
    private static final String ORIGINAL_TEXT = "МОСКВА, 3 марта (Орбита-Информ) — " + SENTENCE_1 + " " + SENTENCE_2
            + BODY;

    /** Trailers an outlet appends to every story, this one and any other. */
    private static final String TRAILERS = "\n\nЧитайте также: Космонавты вырастили редис на орбите\n\n"
            + "Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать о главных новостях.";

    private static FeedItem item(String id, String outlet, String title, String text) {
        String host = id + ".example";
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://" + host + "/feed.xml", outlet,
                "https://" + host + "/news/" + id, title, text, T0, T0);
    }

    /**
     * The copies, in the order they arrive after the original. The summary comes before the other copy with the
     * same trailers, which it would otherwise join through them.
     */
    private static List<FeedItem> copies() {
        String noDateline = SENTENCE_1 + " " + SENTENCE_2 + BODY;
        return List.of(
                item("sia-copy", "Северное информагентство", TITLE, "МОСКВА, 3 марта. /СИА/. " + noDateline
                        + "\n\nПри цитировании и использовании материалов ссылка на издание «Северное"
                        + " информагентство» обязательна."),
                // A feed's summary: the first sentence, and the trailers longer than it.
                item("summary-copy", "Уральский курьер", TITLE, SENTENCE_1 + TRAILERS),
                item("volga-copy", "Волжская правда", TITLE + " — Волжская правда", noDateline + TRAILERS),
                // A subeditor's copy: no ё, small changes every dozen words or so, a headline of its own.
                item("edited-copy", "Невский вестник", "На МКС доставили оранжерею для томатов",
                        "Грузовой корабль «Прогресс МС-34» в среду пристыковался к модулю «Звезда» российского"
                                + " сегмента Международной космической станции, сообщает Роскосмос. Кроме топлива,"
                                + " воды и продуктов корабль привез на орбиту новую оранжерею «Витацикл-М», в"
                                + " которой космонавты будут выращивать зелень и томаты. Оранжерея весит около 40"
                                + " кг и работает от бортовой сети модуля. Ее разработали в Институте"
                                + " медико-биологических проблем по итогам прежних опытов с редисом и салатом."
                                + " Первый урожай экипаж собирается собрать в мае, а часть плодов вернуть на"
                                + " Землю для анализа. Разгрузкой корабля займутся космонавты Эльдар Хасанов и"
                                + " Полина Рыжова. «Прогресс МС-34» пробудет у станции до сентября, после чего"
                                + " его затопят в несудоходном районе Тихого океана."));
    }

    /** Items that must not join the story. */
    private static List<FeedItem> others() {
        return List.of(
                item("english-writeup", "Orbital Wire", "Progress MS-34 brings a new greenhouse to the ISS",
                        "MOSCOW (Orbital Wire) — The Russian cargo ship Progress MS-34 docked with the Zvezda module"
                                + " of the International Space Station on Wednesday, Roscosmos said, bringing fuel,"
                                + " water, food and a new greenhouse, Vitacycle-M, in which cosmonauts will grow"
                                + " greens and dwarf tomatoes. The 40-kilogram unit was developed by the Institute"
                                + " of Biomedical Problems after earlier trials with radishes and lettuce. The crew"
                                + " hopes to harvest the first crop in May and send part of it back to Earth."),
                item("own-report", "Сибирская неделя", "На станции появятся помидоры",
                        "Космонавтам на МКС скоро будет чем разнообразить рацион: пристыковавшийся в среду"
                                + " «Прогресс» привёз компактную теплицу для овощей. Как рассказали нашему"
                                + " изданию в институте, где её собрали, томаты первой партии созреют к маю."
                                + " Учёные хотят понять, сколько витаминов сохраняется в плодах, выращенных без"
                                + " веса, и не накапливают ли они вредных веществ. Если опыт удастся, теплицы"
                                + " такого типа поставят и на будущую российскую станцию."),
                item("same-trailers", "Волжская правда", "Набережную перекроют на выходные",
                        "В субботу и воскресенье движение по набережной будет закрыто от улицы Вилоновской до"
                                + " Ульяновской: дорожники заменят ливневую канализацию. Автобусы пойдут в объезд"
                                + " по улице Куйбышева, парковка на набережной будет запрещена." + TRAILERS));
    }

    @Test
    void copiesJoinTheStoryAndOtherReportsStayApart(@TempDir Path dataDir) {
        FeedItem original = item("orbita-original", "Орбита-Информ", TITLE, ORIGINAL_TEXT);
        Map<String, String> storyOf = new HashMap<>();
        try (TopologyTestDriver driver = TopologyDrivers.driver(TopologyDrivers.config(dataDir, Map.of()),
                new AllTagger(), T0)) {
            TestInputTopic<String, FeedItem> in = driver.createInputTopic(Topics.ITEMS, new StringSerializer(),
                    JsonSerde.of(FeedItem.class).serializer());
            TestOutputTopic<String, Alert> out = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                    JsonSerde.of(Alert.class).deserializer());
            Instant at = T0;
            for (FeedItem item : concat(List.of(original), copies(), others())) {
                in.pipeInput(item.itemId(), item, at);
                at = at.plus(Duration.ofMinutes(20));
            }
            for (Alert a : out.readValuesToList()) {
                storyOf.put(a.itemId(), a.storyId());
            }
        }
        String story = storyOf.get(original.itemId());
        for (FeedItem copy : copies()) {
            assertEquals(story, storyOf.get(copy.itemId()), copy.itemId() + " is a copy: " + storyOf);
        }
        Set<String> stories = new HashSet<>(Set.of(story));
        for (FeedItem other : others()) {
            String own = storyOf.get(other.itemId());
            assertTrue(own != null && stories.add(own), other.itemId() + " is a story of its own: " + storyOf);
        }
    }

    @SafeVarargs
    private static List<FeedItem> concat(List<FeedItem>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
