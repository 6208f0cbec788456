package dev.newsmon.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * A wire story and what republishers made of it: a copy under a headline of its own, a copy-edited copy, and a
 * newsletter that carries the story among unrelated items. Written for these tests; outlets and people are
 * fictional.
 */
public final class Syndicated {
    public static final String WIRE_TITLE =
            "Cargo ship's stuck solar panel forces a rethink of the space station supply schedule";

    /** The wire story as its own feed carries it: dateline in front, about 320 words. */
    public static final String WIRE_TEXT = "HOUSTON (Kestrel Wire) — Flight controllers at the Johnson Space Center"
            + " said on Wednesday that a cargo ship bound for the International Space Station had failed to unfold"
            + " one of its two solar panels, leaving the vehicle with about half of the power it needs for the"
            + " three-day trip.\n\n"
            + "The freighter, launched from Virginia on Tuesday night with five tonnes of food, water and"
            + " experiments, is still on course to reach the outpost on Friday, managers said. Engineers have"
            + " ordered the craft to turn its working panel toward the sun and to switch off two heaters in the"
            + " cargo section to save energy.\n\n"
            + "\"We have a healthy vehicle on a tight power budget,\" said flight director Renata Osei, who leads"
            + " the team that will guide the ship to the station's robotic arm. \"Nothing we have seen so far puts"
            + " the rendezvous at risk.\"\n\n"
            + "The program office said it would decide by Thursday morning whether to try a second deployment,"
            + " which would involve firing small thrusters to shake the stuck panel loose. A similar maneuver freed"
            + " a panel on an earlier flight of the same design in 2021.\n\n"
            + "If the panel stays folded, the ship can still berth, but it would have to leave the station nine"
            + " days earlier than planned because its batteries cannot support a longer stay. That would cut short"
            + " several biology experiments that rely on the freighter's freezers, according to a statement from"
            + " the agency.\n\n"
            + "The company that builds the ship said it was reviewing photos of the hinge taken by cameras on the"
            + " vehicle and would share its findings with the space agency's safety organization. Its shares fell"
            + " four percent in early trading.\n\n"
            + "The station's seven crew members were told of the problem during their morning planning"
            + " conference, a spokesman said, and will rehearse the capture on Thursday afternoon.";

    /** A newspaper's headline for the same body: not one word of the wire's headline. */
    public static final String RETITLED_TITLE = "Power squeeze in orbit: half-blind freighter limps toward Friday docking";

    /** What the newspaper puts above the body with its headline: a byline and a standfirst of its own. */
    public static final String STANDFIRST = "By Hollis Varga, Kestrel Wire\n\nThe freighter has half the power it"
            + " was built to carry, but managers insist that a Friday arrival at the outpost is still on the cards.";

    /** The wire body word for word, under the newspaper's standfirst and with the dateline in its house style. */
    public static final String RETITLED_TEXT = STANDFIRST + "\n\nHouston, Texas — "
            + WIRE_TEXT.substring(WIRE_TEXT.indexOf("Flight controllers"));

    /** A British subeditor's version: a small change every fifteen to twenty-five words, the story intact. */
    public static final String EDITED_TITLE = "Stuck solar panel on cargo ship forces rethink of space station supplies";
    public static final String EDITED_TEXT = "Flight controllers at Nasa's Johnson Space Centre said on Wednesday that"
            + " a cargo ship bound for the International Space Station had failed to unfold one of its 2 solar"
            + " panels, leaving the vehicle with roughly half of the power it needs for the three-day journey.\n\n"
            + "The freighter, launched from Virginia on Tuesday evening with 5 tonnes of food, water and experiments,"
            + " is still on course to reach the outpost on Friday, managers say. Engineers have instructed the craft"
            + " to turn its working panel towards the sun and to switch off two heaters in the cargo section to"
            + " conserve energy.\n\n"
            + "\"We have a healthy vehicle on a tight power budget,\" flight director Renata Osei said. She leads"
            + " the team that will guide the ship to the station's robotic arm. \"Nothing we have seen so far puts"
            + " the rendezvous at risk.\"\n\n"
            + "The programme office said it would decide by Thursday morning whether to attempt a second"
            + " deployment, which would involve firing small thrusters to shake the stuck panel free. A similar"
            + " manoeuvre freed a panel on an earlier flight of the same design in 2021.\n\n"
            + "If the panel stays folded, the ship can still berth, but it would have to leave the station 9 days"
            + " earlier than planned because its batteries cannot support a longer stay. That would cut short"
            + " several biology experiments that depend on the freighter's freezers, according to an agency"
            + " statement.\n\n"
            + "The company that builds the ship said it was studying photographs of the hinge taken by cameras on"
            + " the vehicle and would share its findings with the space agency's safety organisation. Its shares"
            + " fell 4 per cent in early trading.\n\n"
            + "The station's 7 crew members were told of the problem during their morning planning conference, a"
            + " spokesman said, and will rehearse the capture on Thursday afternoon.";

    /** The same event reported by a second agency in its own words: names and numbers shared, sentences not. */
    public static final String OWN_TITLE = "Freighter heads for station with one wing folded";
    public static final String OWN_TEXT = "A supply ship on its way to the International Space Station is flying on"
            + " half power after one of its two solar arrays refused to open, NASA said Wednesday. The problem"
            + " appeared hours after Tuesday's night launch from Virginia. Renata Osei, the flight director in"
            + " charge of the approach, told reporters the ship has enough electricity to arrive on Friday as"
            + " planned if heaters in its cargo hold stay off. Controllers may fire thrusters on Thursday to jolt"
            + " the array open, a trick that worked in 2021. Should it fail, the freighter would depart nine days"
            + " early, cutting into experiments that need its freezers. The manufacturer's stock dropped in early"
            + " trading. The seven astronauts and cosmonauts aboard will practise grappling the ship on Thursday.";

    public static final String NEWSLETTER_TITLE = "The Coastline Digest: your Thursday briefing";

    /** Unrelated items of a local newsletter, each with its heading. */
    public static final List<String> NEWSLETTER_ITEMS = List.of(
            "Bridge work. The Harbour Road bridge closes to cars from Monday for three weeks while crews replace"
                    + " its expansion joints. Buses will detour over Mill Lane, adding about ten minutes to the"
                    + " morning run, and cyclists can still cross on the north footway. The city says the joints have"
                    + " not been touched since the bridge opened in 1987.",
            "School board. Trustees voted four to one on Tuesday to keep the district's libraries open on"
                    + " Saturdays through the summer. The extra hours cost about eighteen thousand dollars, which a"
                    + " parents' group has offered to cover by holding two book sales. The lone dissenting trustee asked"
                    + " for a review of staffing costs before the autumn budget.",
            "Weather. Expect fog along the shore until mid-morning, then a dry and breezy afternoon with highs"
                    + " near sixty-five. Rain returns late Saturday, so the farmers' market has moved its plant sale"
                    + " forward to Friday evening. Boaters should watch for a small craft advisory on Sunday, when gusts"
                    + " could reach thirty miles an hour.",
            "Sports. The Lowfield Gulls beat the Carver Street Hawks two to nothing in the county cup semifinal,"
                    + " with both goals coming in the last quarter of an hour. The final is set for the evening of"
                    + " June sixth at Ridley Park. Tickets go on sale at the clubhouse on Monday, and season holders get"
                    + " first pick until noon.",
            "Before you go. The public pool on Fifth Avenue reopens Saturday after its new filters passed"
                    + " inspection, and the first swim is free for residents who bring a library card. Lifeguard"
                    + " tryouts for the summer are on Sunday morning. See you next week.");

    public static final String NEWSLETTER_INTRO = "Good morning. Here is what we are following today.";

    private Syndicated() {
    }

    /** The newsletter with the wire story's body (without dateline) as item {@code position} (0 = first). */
    public static String newsletter(int position) {
        List<String> items = new ArrayList<>(NEWSLETTER_ITEMS);
        items.add(position, "Space station. " + WIRE_TEXT.substring(WIRE_TEXT.indexOf("Flight controllers")));
        return NEWSLETTER_INTRO + "\n\n" + String.join("\n\n", items);
    }
}
