package dev.arca.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats pages use (ISO-8601, RFC 1123, "March 5, 2021", "5. März 2021",
 * "05.03.2021", compact "20210305", dates in URL paths) and writes them as ISO-8601, keeping
 * the time and its offset when the page gives them.
 */
public final class Dates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+|:\\d{3})?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern SLASHED = Pattern.compile("(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("\\b(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})\\b");
    private static final Pattern NAMED = Pattern.compile(
            "(?:(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s*(?:de\\s+)?)?(\\p{L}{3,12})\\.?,?\\s+(?:de\\s+)?"
                    + "(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?(?:de\\s+)?(\\d{4})",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?:/|[-_]|$)");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(\\d{3})?");

    private static final Map<String, Integer> MONTHS = months();

    private Dates() {
    }

    /** Whether {@code word} ("March", "Mär.", "déc") names a month in one of the languages dates are read in. */
    static boolean isMonth(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return MONTHS.containsKey(w.endsWith(".") ? w.substring(0, w.length() - 1) : w);
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"jan", "january", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "jänner", "janv",
                "ene", "gen", "styczeń", "stycznia", "января", "январь"},
            {"feb", "february", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari",
                "févr", "fev", "luty", "lutego", "февраля", "февраль"},
            {"mar", "march", "märz", "maerz", "mars", "marzo", "março", "maart", "mär", "marca", "marzec",
                "марта", "март"},
            {"apr", "april", "avril", "abril", "aprile", "avr", "abr", "kwiecień", "kwietnia", "апреля", "апрель"},
            {"may", "mai", "mayo", "maggio", "maio", "mei", "maj", "maja", "мая", "май"},
            {"jun", "june", "juni", "juin", "junio", "giugno", "junho", "giu", "czerwiec", "czerwca", "июня",
                "июнь"},
            {"jul", "july", "juli", "juillet", "julio", "luglio", "julho", "juil", "lug", "lipiec", "lipca", "июля",
                "июль"},
            {"aug", "august", "août", "aout", "agosto", "augustus", "ago", "sierpień", "sierpnia", "августа",
                "август"},
            {"sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro", "set", "wrzesień",
                "września", "сентября", "сентябрь"},
            {"oct", "october", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "out", "ott",
                "październik", "października", "октября", "октябрь"},
            {"nov", "november", "novembre", "noviembre", "novembro", "listopad", "listopada", "ноября", "ноябрь"},
            {"dec", "december", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "dez",
                "déc", "dic", "grudzień", "grudnia", "декабря", "декабрь"},
        };
        java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }

    /**
     * The ISO-8601 form of {@code raw}: {@code 2021-03-05}, {@code 2021-03-05T10:00:00} or
     * {@code 2021-03-05T10:00:00+01:00}; null when it holds no plausible date.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 200) {
            return null;
        }
        try {
            String iso = iso(s);
            if (iso != null) {
                return iso;
            }
            if (EPOCH.matcher(s).matches()) {
                long v = Long.parseLong(s);
                long secs = s.length() == 13 ? v / 1000 : v;
                return plausible(OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(secs), ZoneOffset.UTC));
            }
            return textual(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** A date found in a URL path such as {@code /2021/03/05/slug}, or null. */
    public static String fromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return plausible(d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String iso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.lookingAt()) {
            return null;
        }
        boolean compact = s.length() >= 8 && s.charAt(4) != '-';
        if (compact && m.group(4) != null && m.end() < s.length()) {
            return null;
        }
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            if (compact && s.length() > 8) {
                return null;
            }
            return plausible(d);
        }
        LocalDateTime t = LocalDateTime.of(d, LocalTime.of(Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6))));
        String zone = m.group(7);
        if (zone == null) {
            return plausible(d) == null ? null : t.toString().length() == 16 ? t + ":00" : t.toString();
        }
        return plausible(OffsetDateTime.of(t, offset(zone)));
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equalsIgnoreCase("Z") || zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = zone.replace(":", "");
        int sign = z.charAt(0) == '-' ? -1 : 1;
        int h = Integer.parseInt(z.substring(1, 3));
        int min = z.length() >= 5 ? Integer.parseInt(z.substring(3, 5)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
    }

    private static String textual(String s) {
        LocalDate d = null;
        int dateEnd = 0;
        Matcher m = SLASHED.matcher(s);
        if (m.find()) {
            d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            dateEnd = m.end();
        }
        if (d == null) {
            m = DAY_FIRST.matcher(s);
            if (m.find()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                int y = Integer.parseInt(m.group(3));
                // "05/03/2021" is ambiguous; slashes lean US (month first), dots and dashes day first
                boolean us = s.charAt(m.start() + m.group(1).length()) == '/' && a <= 12;
                d = us ? LocalDate.of(y, a, b) : LocalDate.of(y, b, a);
                dateEnd = m.end();
            }
        }
        if (d == null) {
            m = NAMED.matcher(s);
            while (m.find()) {
                Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                String day = m.group(1) != null ? m.group(1) : m.group(3);
                if (month != null && day != null) {
                    d = LocalDate.of(Integer.parseInt(m.group(4)), month, Integer.parseInt(day));
                    dateEnd = m.end();
                    break;
                }
            }
        }
        if (d == null || plausible(d) == null) {
            return null;
        }
        Matcher t = TIME.matcher(s);
        if (t.find(dateEnd) || t.find(0)) {
            int h = Integer.parseInt(t.group(1));
            int min = Integer.parseInt(t.group(2));
            String ampm = t.group(4);
            if (ampm != null) {
                boolean pm = ampm.toLowerCase(Locale.ROOT).startsWith("p");
                h = h % 12 + (pm ? 12 : 0);
            }
            if (h < 24 && min < 60) {
                LocalDateTime ldt = LocalDateTime.of(d, LocalTime.of(h, min,
                        t.group(3) == null ? 0 : Integer.parseInt(t.group(3))));
                if (t.group(5) != null) {
                    return plausible(OffsetDateTime.of(ldt, offset(t.group(5))));
                }
                return ldt.toLocalDate() + "T" + String.format(Locale.ROOT, "%02d:%02d:%02d", h, min, ldt.getSecond());
            }
        }
        return d.toString();
    }

    /** The parts of a date as {@link #normalise} writes it: the day, the local time and the offset, each when given. */
    record Moment(LocalDate day, LocalDateTime local, ZoneOffset offset) {

        /** The instant, when both time and offset are known. */
        java.time.Instant instant() {
            return local == null || offset == null ? null : local.toInstant(offset);
        }
    }

    /** Reads a normalised date back into its parts; null when {@code iso} is not one. */
    static Moment moment(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(iso.substring(0, 10));
            if (iso.length() == 10) {
                return new Moment(day, null, null);
            }
            try {
                OffsetDateTime t = OffsetDateTime.parse(iso);
                return new Moment(day, t.toLocalDateTime(), t.getOffset());
            } catch (DateTimeException e) {
                return new Moment(day, LocalDateTime.parse(iso), null);
            }
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Offsets in use on Earth run from UTC-12 to UTC+14. */
    private static final long MAX_WEST = -12 * 3600;
    private static final long MAX_EAST = 14 * 3600;

    /**
     * True when two normalised dates can name the same moment: the same instant; the same local
     * time, or local times a whole quarter-hour offset apart when one of them carries no offset;
     * or a bare day that the other falls on in some time zone.
     */
    public static boolean agree(String a, String b) {
        Moment x = moment(a);
        Moment y = moment(b);
        if (x == null || y == null) {
            return a != null && a.equals(b);
        }
        if (x.local() == null || y.local() == null) {
            Moment dated = x.local() == null ? y : x;
            LocalDate day = (x.local() == null ? x : y).day();
            return dated.day().equals(day) || dated.instant() != null && localDayPossible(dated.instant(), day);
        }
        if (x.offset() != null && y.offset() != null) {
            return x.instant().equals(y.instant());
        }
        long seconds = java.time.Duration.between(x.local(), y.local()).getSeconds();
        if (seconds == 0) {
            return true;
        }
        if (x.offset() == null && y.offset() == null || seconds % 900 != 0) {
            return false;
        }
        // the one without an offset is local time; the offset it implies must be one in use
        Moment zoned = x.offset() != null ? x : y;
        long ahead = x.offset() != null ? seconds : -seconds;
        long implied = ahead + zoned.offset().getTotalSeconds();
        return implied >= MAX_WEST && implied <= MAX_EAST;
    }

    /** True when {@code instant} falls on {@code day} in some time zone in use. */
    static boolean localDayPossible(java.time.Instant instant, LocalDate day) {
        LocalDateTime west = LocalDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds((int) MAX_WEST));
        LocalDateTime east = LocalDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds((int) MAX_EAST));
        return !day.isBefore(west.toLocalDate()) && !day.isAfter(east.toLocalDate());
    }

    private static String plausible(LocalDate d) {
        int y = d.getYear();
        return y >= 1990 && y <= 2100 ? d.toString() : null;
    }

    private static String plausible(OffsetDateTime t) {
        if (plausible(t.toLocalDate()) == null) {
            return null;
        }
        String s = t.toString();
        // OffsetDateTime drops ":00" seconds; keep the full form for every value
        return t.getSecond() == 0 && t.getNano() == 0 && s.length() >= 16 && s.charAt(16) != ':'
                ? s.substring(0, 16) + ":00" + s.substring(16) : s;
    }
}
