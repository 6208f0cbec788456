package dev.newsmon.ingest.parse;

import org.jdom2.Document;
import org.jdom2.Element;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands ROME its dates in the form it reads at its first attempt.
 *
 * <p>ROME's {@code DateParser.parseDate} tries nineteen W3C masks and then the RFC 822 ones, building a new
 * {@code SimpleDateFormat} for each try, so an RFC 822 date, the form RSS prescribes, costs twenty of them: most
 * of the time of parsing a feed. A date element whose text is in one of the common strict forms below gets the
 * same fields written as {@code yyyy-MM-ddTHH:mm:ss.000±hh:mm}, which ROME reads with its first mask: the same
 * fields and offset, so the same {@code Date}. Anything else (other zones, two-digit years, fractions, a weekday
 * that does not fit the date, surrounding spaces) is left as written and ROME reads it as before.
 *
 * <p>Only the date children of the feed, channel and entry elements are touched: dates inside content are text.
 */
final class RomeDates {
    private static final Set<String> DATE_ELEMENTS =
            Set.of("pubDate", "lastBuildDate", "expirationDate", "published", "updated", "modified", "issued",
                    "created", "date");
    /** Namespaces whose date elements ROME reads: RSS without one, RSS 0.90/1.0, Atom 0.3/1.0, Dublin Core. */
    private static final Set<String> NAMESPACES = Set.of("", "http://my.netscape.com/rdf/simple/0.9/",
            "http://purl.org/rss/1.0/", "http://purl.org/atom/ns#", "http://www.w3.org/2005/Atom",
            "http://purl.org/dc/elements/1.1/");
    private static final Set<String> ENTRY_ELEMENTS = Set.of("item", "entry", "channel");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final List<String> MONTH_NUMBERS =
            List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12");
    /** In {@link DayOfWeek} order. */
    private static final List<String> WEEKDAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final Pattern RFC_822 = Pattern.compile("(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\\d{1,2}) "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{4}) (\\d{2}):(\\d{2})(?::(\\d{2}))? "
            + "(GMT|UTC|UT|Z|[+-]\\d{4})");
    private static final Pattern W3C = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(Z|[+-]\\d{2}:\\d{2})");
    /** Years outside this range could meet SimpleDateFormat's Julian calendar or its lenient year rules. */
    private static final int MIN_YEAR = 1900;

    private RomeDates() {
    }

    /** Rewrites, in place, the date elements of the root, its channels and its entries that are in a known form. */
    static void prepare(Document doc) {
        Element root = doc.getRootElement();
        prepareChildren(root);
        for (Element child : root.getChildren()) {
            if (ENTRY_ELEMENTS.contains(child.getName())) {
                prepareChildren(child);
                for (Element item : child.getChildren()) {
                    if (ENTRY_ELEMENTS.contains(item.getName())) {
                        prepareChildren(item);
                    }
                }
            }
        }
    }

    private static void prepareChildren(Element parent) {
        for (Element e : parent.getChildren()) {
            if (DATE_ELEMENTS.contains(e.getName()) && NAMESPACES.contains(e.getNamespaceURI())) {
                String form = firstMaskForm(e.getText());
                if (form != null) {
                    e.setText(form);
                }
            }
        }
    }

    /** The date as ROME's first W3C mask reads it, or null if the text is not in a form known here. */
    static String firstMaskForm(String text) {
        Matcher w3c = W3C.matcher(text);
        if (w3c.matches()) {
            return form(w3c.group(1), w3c.group(2), w3c.group(3), w3c.group(4), w3c.group(5), w3c.group(6),
                    w3c.group(7).equals("Z") ? "+00:00" : w3c.group(7), null);
        }
        Matcher rfc = RFC_822.matcher(text);
        if (!rfc.matches()) {
            return null;
        }
        String zone = rfc.group(8);
        String offset = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : "+00:00";
        String day = rfc.group(2).length() == 1 ? "0" + rfc.group(2) : rfc.group(2);
        String month = MONTH_NUMBERS.get(MONTHS.indexOf(rfc.group(3)));
        return form(rfc.group(4), month, day, rfc.group(5), rfc.group(6),
                rfc.group(7) == null ? "00" : rfc.group(7), offset, rfc.group(1));
    }

    private static String form(String year, String month, String day, String hour, String minute, String second,
                               String offset, String weekday) {
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException invalid) {
            return null;
        }
        if (date.getYear() < MIN_YEAR || Integer.parseInt(hour) > 23 || Integer.parseInt(minute) > 59
                || Integer.parseInt(second) > 59 || Integer.parseInt(offset.substring(1, 3)) > 18
                || Integer.parseInt(offset.substring(4)) > 59
                || weekday != null && !weekday.equals(WEEKDAYS.get(date.getDayOfWeek().ordinal()))) {
            return null;
        }
        return year + "-" + month + "-" + day + "T" + hour + ":" + minute + ":" + second + ".000" + offset;
    }
}
