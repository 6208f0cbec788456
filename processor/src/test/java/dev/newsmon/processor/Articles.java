package dev.newsmon.processor;

import dev.newsmon.common.model.FeedItem;

import java.time.Instant;
import java.util.List;

/** Test articles, written for these tests; outlets and people are fictional. */
public final class Articles {
    public static final String TITLE =
            "Russia signals it will keep flying crews to the International Space Station until 2030";

    public static final List<String> PARAGRAPHS = List.of(
            "Russia's space agency said on Tuesday that it intends to keep sending cosmonauts to the International"
                    + " Space Station until the end of the decade, reversing months of mixed signals about an early"
                    + " exit from the orbiting laboratory.",
            "The announcement came after two days of talks in Houston between agency officials and their American"
                    + " counterparts, who have been pressing Moscow for a firm timeline before committing money to"
                    + " the station's final years.",
            "Under the plan described by officials, Russian crews would continue to fly on Soyuz capsules while"
                    + " the two sides keep trading seats, an arrangement that lets each country keep at least one"
                    + " trained person aboard if its own vehicle is grounded.",
            "Engineers on both sides have spent the past year studying small air leaks in the Russian segment."
                    + " The agency said the leaks were under control and did not threaten the crew.",
            "The decision matters for the deorbit schedule. The station is expected to be steered into a remote"
                    + " part of the Pacific Ocean after its retirement, and planners need to know which propulsion"
                    + " modules will be available.",
            "American officials welcomed the statement but cautioned that budgets for the last years of"
                    + " operations had not yet been approved by Congress.",
            "Commercial companies hoping to launch private stations are watching the talks closely, since a"
                    + " longer life for the current outpost could delay demand for their own modules.",
            "Analyst Marta Kiely of the Lowfield Institute said the move was less about science than about"
                    + " keeping a rare channel of cooperation open at a time of deep political tension.",
            "\"Space is one of the few places where the two countries still work side by side every day,\" she"
                    + " said.",
            "The agency did not say whether it still plans to build a national station of its own, a project"
                    + " that officials had promoted as a replacement.",
            "A joint statement is expected after a further round of meetings next month.",
            "The next Soyuz launch to the station is scheduled for the spring.");

    public static final String ORIGINAL_TEXT = String.join("\n\n", PARAGRAPHS);

    /** The wire version: dateline in front, copyright footer behind, same body. */
    public static final String WIRE_TEXT = "MOSCOW (Orbital Wire) — " + ORIGINAL_TEXT
            + "\n\n© 2026 Orbital Wire. All rights reserved.";

    /** A blog that republishes the first two paragraphs only, with its feed plugin's trailers. */
    public static final String BLOG_TEXT = PARAGRAPHS.get(0) + "\n\n" + PARAGRAPHS.get(1) + " Read more…\n\nThe post "
            + TITLE + " appeared first on Cosmos Daily.";

    /** The same event in other words, by a reporter who was in the room: shared names and numbers only. */
    public static final String INDEPENDENT_TITLE = "Moscow commits to the space station through 2030 after Houston meetings";
    public static final String INDEPENDENT_TEXT = "Russian officials told reporters in Houston this week that cosmonauts"
            + " will remain aboard the International Space Station through 2030, ending speculation that Moscow"
            + " could pull out of the program years ahead of its planned retirement. The pledge followed closed-door"
            + " sessions with NASA managers, who wanted certainty before funding the outpost's last stretch of"
            + " operations. According to people at the meetings, the seat exchange that puts astronauts on Soyuz"
            + " rockets and cosmonauts on American capsules will continue. Marta Kiely, who studies space policy at"
            + " the Lowfield Institute, called the outcome a quiet diplomatic win for both capitals. Congress has"
            + " yet to approve the money for the final years, and the Russian side declined to comment on leaks in"
            + " its modules. Meetings resume next month.";

    public static final String GAS_TITLE = "Fuel prices climb again at the corner gas station";
    public static final String GAS_TEXT = "Drivers in Millbrook paid eleven cents more per gallon this week at the gas"
            + " station on Elm Street, the third rise in a month. The owner blamed delivery costs.";

    private Articles() {
    }

    public static FeedItem item(String id, String outlet, String title, String text, Instant published) {
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://" + outlet + ".example/feed.xml", outlet,
                "https://" + outlet + ".example/" + id, title, text, published, published.plusSeconds(60));
    }
}
