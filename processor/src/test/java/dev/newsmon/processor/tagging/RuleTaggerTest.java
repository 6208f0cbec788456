package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped config/rules.yaml against news items written for this test (fictional outlets and people). */
class RuleTaggerTest {
    private static final String STATION = "space-station";
    private static final String COOP = "russia-us-cooperation";
    private static final Path RULES = Path.of("../config/rules.yaml");

    private static RuleTagger tagger;

    record Case(FeedItem item, List<String> expected) {
    }

    private static Case item(String title, String text, String... expected) {
        String id = "item-" + Integer.toHexString((title + text).hashCode());
        FeedItem fi = new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://orbit-desk.example/feed",
                "Orbit Desk", "https://orbit-desk.example/" + id, title, text, null, Instant.EPOCH);
        return new Case(fi, List.of(expected));
    }

    static final List<Case> POSITIVES = List.of(
            item("Russia to quit ISS after 2024, Roscosmos chief says",
                    "Russia will leave the ISS after 2024 and build its own station, Roscosmos chief told the "
                            + "president on Tuesday. NASA said it had not been notified of any decision.",
                    COOP, STATION),
            item("Soyuz lifts off with NASA astronaut on board",
                    "A Soyuz rocket lifted off from Baikonur carrying two cosmonauts and NASA astronaut Kim Hale "
                            + "to the International Space Station under the seat-swap agreement between NASA and "
                            + "Roscosmos.",
                    COOP, STATION),
            item("Cargo Dragon docks at ISS with science experiments",
                    "SpaceX's uncrewed cargo Dragon docked on its own to the Harmony module early Sunday, "
                            + "delivering 2,800 kilograms of food, spare parts and experiments.",
                    STATION),
            item("Shenzhou crew arrives at Tiangong",
                    "Three taikonauts docked with China's Tiangong space station on Thursday to begin a "
                            + "six-month stay.",
                    STATION),
            item("Two astronauts finish seven-hour spacewalk",
                    "The pair spent seven hours outside the station replacing a failed power unit on the "
                            + "starboard truss, mission control said.",
                    STATION),
            item("NASA picks builder for ISS deorbit vehicle",
                    "The vehicle will push the International Space Station into a remote stretch of the Pacific "
                            + "after the outpost retires around 2030.",
                    STATION),
            item("Axiom Mission crew cleared for launch",
                    "The four private astronauts will spend two weeks aboard the orbiting laboratory before the "
                            + "company attaches its first own module.",
                    STATION),
            item("European habitat module shipped for Lunar Gateway",
                    "The module will let Artemis crews live in lunar orbit for up to a month at a time.",
                    STATION),
            item("Crew heads home after six months in orbit",
                    "The crew rotation ends a busy stay aboard the outpost, with 200 experiments completed.",
                    STATION),
            item("Starlab passes design review",
                    "The commercial station is meant to host four researchers at a time from the end of the "
                            + "decade.",
                    STATION),
            item("Progress freighter brings fuel to the ISS",
                    "Roscosmos launched a Progress cargo ship from Baikonur with fuel, water and food for the "
                            + "three cosmonauts on board.",
                    STATION),
            item("NASA and Roscosmos extend integrated crew deal",
                    "NASA and Roscosmos agreed to extend their integrated crew arrangement through 2027, keeping "
                            + "one cosmonaut on each Crew Dragon and one astronaut on each Soyuz.",
                    // The integrated crews are the ISS's crews: the station is meant even when not named.
                    COOP, STATION),
            item("Russia extends ISS participation to 2028",
                    "Moscow will keep its cosmonauts on the International Space Station until 2028, Roscosmos "
                            + "said after talks with NASA.",
                    COOP, STATION),
            item("US and Russian crews to keep flying together",
                    "American astronauts and Russian cosmonauts will keep flying together on each other's "
                            + "spacecraft until the International Space Station is retired, the two agencies said.",
                    COOP, STATION),
            item("Cosmonaut to ride Crew Dragon next spring",
                    "Roscosmos cosmonaut Pavel Drozdov will fly on a SpaceX Crew Dragon to the ISS next spring "
                            + "under the cross-flights agreement with NASA.",
                    COOP, STATION),
            item("Washington and Moscow agree to keep working in orbit",
                    "Despite tensions, the US and Russia agreed to continue joint work in orbit, officials of "
                            + "both space agencies said.",
                    COOP),
            item("NASA's ISS budget trimmed",
                    "Congress cut the station line of the agency's request by four percent.",
                    STATION));

    /** The shipped tags in Russian: every case of a word counts, and the ship and module names need no quotes. */
    static final List<Case> RUSSIAN_POSITIVES = List.of(
            item("Грузовик «Прогресс МС-33» пристыковался к МКС",
                    "Корабль доставил на станцию топливо, воду и продукты для экипажа, сообщили в Роскосмосе.",
                    STATION),
            item("Экипаж «Союза МС-30» прибыл на станцию",
                    "Космонавты перешли на борт Международной космической станции через два часа после "
                            + "стыковки.",
                    STATION),
            item("Космонавты вышли в открытый космос",
                    "За шесть часов они установили на российском сегменте станции новую антенну.",
                    STATION),
            item("Первый модуль РОС собран",
                    "Научно-энергетический модуль Российской орбитальной станции отправят на испытания, сообщил "
                            + "генеральный конструктор.",
                    STATION),
            item("Роскосмос и НАСА продлили перекрёстные полёты",
                    "Космонавты продолжат летать на МКС на американских кораблях, а астронавты — на «Союзах».",
                    COOP, STATION),
            item("Астронавт НАСА полетит на «Союзе МС-31»",
                    "Вместе с двумя космонавтами Роскосмоса он отправится на Международную космическую станцию "
                            + "в марте.",
                    COOP, STATION),
            item("Космонавтка Роскосмоса стартовала к МКС на Crew Dragon",
                    "Ракета Falcon 9 вывела корабль на орбиту, стыковка со станцией — через сутки.",
                    COOP, STATION),
            item("Экипаж «Союза МС-34» вернулся на Землю",
                    "Спускаемый аппарат с тремя космонавтами приземлился в казахстанской степи.",
                    // The Soyuz MS flies only to the ISS: a wire cut short need not name it.
                    STATION));

    /** Russian's own traps: names and words of the station that mean something else. */
    static final List<Case> RUSSIAN_TRAPS = List.of(
            item("Союз журналистов провёл съезд",
                    "Делегаты союза избрали председателя и приняли обращение о поддержке редакций."),
            item("«Прогресс» обыграл «Волгарь»",
                    "Футбольный клуб «Прогресс» возглавил таблицу, до конца сезона шесть туров."),
            item("Технический прогресс на заводе",
                    "Прогресс — это люди, а не станки, считает главный инженер."),
            item("Кешбэк по картам «Мир» снизится",
                    "Платёжная система «Мир» сократит возврат за поездки с августа."),
            item("Станцию метро «Проспект Космонавтов» закроют на ремонт",
                    "Поезда будут проходить станцию без остановки, пассажиров довезут автобусы."),
            item("Цены на заправочных станциях выросли",
                    "Бензин на автозаправочных станциях подорожал на 0,4% за неделю."),
            item("Вступает в силу стандарт на огнетушители",
                    "Код стандарта по Межгосударственному классификатору стандартов — МКС 13.220.30."),
            item("Заседание МКС по делам молодёжи",
                    "Муниципальный координационный совет (МКС) открыл коворкинг на улице Космонавтов."),
            item("Экипаж ДПС задержал угонщика",
                    "Патрульный экипаж остановил машину после погони, водитель задержан."),
            item("Праздничный салют дадут с трёх площадок",
                    "Салют начнётся в 22:00 на набережной и в парке Гагарина."),
            item("Россия и США провели обмен заключёнными",
                    "Обмен состоялся в Анкаре после переговоров при посредничестве Турции."),
            item("Игра про заброшенную станцию",
                    "Экипаж грузового корабля пристыковывается к станции у Сатурна; сценаристы советовались с "
                            + "космонавтами."),
            item("НАСА перенесло облёт Луны",
                    "МОСКВА, 3 мая (Орбита-Информ) — НАСА перенесло пилотируемый облёт Луны на весну, астронавты "
                            + "продолжат тренировки."));

    static final List<Case> TRAPS = List.of(
            item("Masked man robs gas station on Route 9",
                    "Police said the suspect fled the petrol station with cash, and a crew from the nearby fire "
                            + "station treated the clerk."),
            item("New PlayStation launch date set for November",
                    "The console will launch with a space-themed exclusive and a cheaper digital edition."),
            item("ISS A/S shares rise after quarterly results",
                    "The Copenhagen-based facility services group ISS reported higher quarterly revenue from "
                            + "cleaning, catering and workplace management, and said its cleaning crews were back "
                            + "on full office space contracts."),
            item("ISS wins hospital catering contract",
                    "ISS will supply cleaning, catering and security at three hospitals in Jutland from March."),
            item("Station 19 recap: the crew faces a warehouse blaze",
                    "In this week's episode of the firefighter drama Station 19, the crew of the fire station "
                            + "battles a blaze at a warehouse."),
            item("US and Russian grandmasters agree draw in friendly match",
                    "The US champion and Russia's top player agreed a draw after 40 moves in the friendly chess "
                            + "match in Geneva, and analysed the game together on stage."),
            item("US imposes new sanctions on Russian banks",
                    "The United States on Monday added three Russian banks to its sanctions list, a move "
                            + "Washington said was agreed with its partners."),
            item("Russia and China sign lunar base agreement",
                    "Roscosmos and China's space agency signed an agreement to build a joint research station on "
                            + "the Moon by 2035, a project presented as a rival to NASA-led Artemis missions."),
            item("US beats Russia in ice hockey final",
                    "The United States and Russia met in the final in front of a sold-out arena."),
            item("Weather station records coldest night in decades",
                    "The valley weather station measured minus 31 degrees on Sunday night."),
            item("Company opens satellite ground station in Norway",
                    "The new ground station will download images from Earth-observation satellites in polar orbit."),
            item("Police station to move to former post office",
                    "The town police station will relocate in spring, the council said."),
            item("Office space demand falls in city centre",
                    "Landlords report empty office space, while parking space and green space are in demand."),
            item("Roscosmos chief visits new launch pad",
                    "The head of Roscosmos inspected the launch pad at Vostochny ahead of the next Angara rocket "
                            + "flight."),
            item("NASA sets date for crewed Moon flyby",
                    "Four astronauts will loop around the Moon in an Orion capsule next year, NASA said."),
            item("Russian fund to exit ISS A/S stake",
                    "A Russian investment fund will exit its stake in ISS, the facility services group said on "
                            + "Friday."),
            item("Train station reopens after renovation",
                    "The central station reopened with new platforms and a bigger waiting hall."));

    @BeforeAll
    static void load() throws RulesException {
        tagger = RuleTagger.load(RULES);
    }

    private static List<Case> concat(List<Case> a, List<Case> b) {
        List<Case> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void enoughItemsOfEachKind() {
        assertTrue(POSITIVES.size() >= 15, "positives");
        assertTrue(TRAPS.size() >= 15, "traps");
    }

    @Test
    void positivesGetExactlyTheirTags() {
        for (Case c : concat(POSITIVES, RUSSIAN_POSITIVES)) {
            assertEquals(c.expected(), tagger.tag(c.item()).tags(), c.item().title());
        }
    }

    @Test
    void trapsGetNoTag() {
        for (Case c : concat(TRAPS, RUSSIAN_TRAPS)) {
            TagResult r = tagger.tag(c.item());
            assertEquals(List.of(), r.tags(), c.item().title() + " matched " + r.matches());
        }
    }

    @Test
    void everyMatchedTermPointsAtItsTextInTheItem() {
        int checked = 0;
        for (Case c : POSITIVES) {
            TagResult r = tagger.tag(c.item());
            assertEquals(r.tags(), r.matches().keySet().stream().sorted().toList());
            for (List<TagMatch> matches : r.matches().values()) {
                for (TagMatch m : matches) {
                    assertFalse(m.terms().isEmpty(), m.query());
                    for (MatchedTerm t : m.terms()) {
                        String field = t.field().equals("title") ? c.item().title() : c.item().text();
                        assertEquals(field.substring(t.start(), t.end()), t.term());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 50, "checked " + checked);
    }

    @Test
    void overlappingHitsBecomeOneSpan() {
        Case c = POSITIVES.get(11); // "NASA and Roscosmos ..." matched as a phrase and as single words
        List<MatchedTerm> terms = tagger.tag(c.item()).matches().get(COOP).get(0).terms();
        assertEquals(new MatchedTerm("title", "NASA and Roscosmos", 0, 18), terms.get(0));
        for (int i = 1; i < terms.size(); i++) {
            MatchedTerm prev = terms.get(i - 1);
            MatchedTerm next = terms.get(i);
            assertTrue(!prev.field().equals(next.field()) || prev.end() <= next.start(), prev + " overlaps " + next);
        }
    }

    @Test
    void hitsNameQueryFieldAndExactWords() {
        TagResult r = tagger.tag(POSITIVES.get(2).item()); // cargo Dragon
        assertEquals(tagger.rules().version(), r.rulesVersion());
        TagMatch iss = r.matches().get(STATION).stream()
                .filter(m -> m.query().equals("station-by-part")).findFirst().orElseThrow();
        int at = POSITIVES.get(2).item().title().indexOf("ISS");
        assertTrue(iss.terms().contains(new MatchedTerm("title", "ISS", at, at + 3)), iss.terms().toString());
        // The context (a spaceflight word) decides whether ISS counts; it is no hit of the query.
        assertTrue(iss.terms().stream().noneMatch(t -> t.term().startsWith("SpaceX")), iss.terms().toString());

        TagResult first = tagger.tag(POSITIVES.get(0).item()); // Russia leaves the ISS
        List<MatchedTerm> terms = first.matches().get(COOP).stream()
                .filter(m -> m.query().equals("station-participation")).findFirst().orElseThrow().terms();
        String text = POSITIVES.get(0).item().text();
        // A phrase is one hit spanning its words, so a highlight covers the whole phrase.
        assertTrue(terms.contains(new MatchedTerm("text", "Russia will leave", 0, 17)), terms.toString());
    }

    @Test
    void capitalQueryTermOnlyMatchesCapitals() {
        Rules rules = new Rules("t", List.of(
                new TagRule("upper", 0, 0, List.of(new RuleQuery("q", "ISS"))),
                new TagRule("lower", 0, 0, List.of(new RuleQuery("q", "iss")))));
        RuleTagger t = RuleTagger.create(rules);
        assertEquals(List.of("lower", "upper"), t.tag(item("ISS crew", "").item()).tags());
        assertEquals(List.of("lower"), t.tag(item("the iss of it", "").item()).tags());
    }

    @Test
    void noPhraseReachesFromTheTitleIntoTheTextAndTextHitsKeepTheirOffsets() {
        Rules rules = new Rules("t", List.of(
                new TagRule("phrase", 0, 0, List.of(new RuleQuery("q", "\"space station\"~3"))),
                new TagRule("fielded", 0, 0, List.of(new RuleQuery("q", "text:docked")))));
        RuleTagger t = RuleTagger.create(rules);
        assertEquals(List.of(), t.tag(item("Parking space!", "Station car parks fill up.").item()).tags());
        FeedItem both = item("A crew in space?!", "It docked at the space station.").item();
        TagResult r = t.tag(both);
        assertEquals(List.of("fielded", "phrase"), r.tags());
        MatchedTerm hit = r.matches().get("phrase").get(0).terms().get(0);
        assertEquals(new MatchedTerm("text", "space station", 17, 30), hit);
        assertEquals("docked", r.matches().get("fielded").get(0).terms().get(0).term());
        FeedItem noWords = item("?!", "A space station.").item();
        assertEquals(new MatchedTerm("text", "space station", 2, 15),
                t.tag(noWords).matches().get("phrase").get(0).terms().get(0));
    }

    @Test
    void badRulesAreRefusedWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "tags:\n  t:\n    queries:\n      - {name: ok, query: nasa}\n"
                + "      - {name: bad, query: 'nasa AND'}\n");
        RulesException e = assertThrows(RulesException.class, () -> RuleTagger.load(file));
        assertTrue(e.getMessage().contains(":5: tag 't' query 'bad'"), e.getMessage());

        Rules unchecked = new Rules("v", List.of(new TagRule("t", 0, 0, List.of(new RuleQuery("bad", "(nasa")))));
        IllegalArgumentException iae = assertThrows(IllegalArgumentException.class, () -> RuleTagger.create(unchecked));
        assertTrue(iae.getMessage().startsWith("tag 't' query 'bad': invalid query"), iae.getMessage());
    }

    @Test
    void minScoreDropsWeakMatches() {
        List<RuleQuery> q = List.of(new RuleQuery("q", "spacewalk"));
        Rules rules = new Rules("t", List.of(new TagRule("any", 0, 0, q),
                new TagRule("strict", 0, 1000, q), new TagRule("lenient", 0, 0.001, q)));
        RuleTagger t = RuleTagger.create(rules);
        assertEquals(List.of("any", "lenient"), t.tag(item("Spacewalk today", "A long spacewalk.").item()).tags());
    }

    @Test
    void concurrentTaggingGivesTheSameResults() throws Exception {
        int threads = 4;
        int rounds = 1;
        List<Case> all = new ArrayList<>(POSITIVES);
        all.addAll(TRAPS);
        Map<String, TagResult> expected = new HashMap<>();
        all.forEach(c -> expected.put(c.item().itemId(), tagger.tag(c.item())));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    int compared = 0;
                    for (int round = 0; round < rounds; round++) {
                        for (Case c : all) {
                            assertEquals(expected.get(c.item().itemId()), tagger.tag(c.item()));
                            compared++;
                        }
                    }
                    return compared;
                }));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                assertEquals(rounds * all.size(), f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
