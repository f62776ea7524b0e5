package dev.arca.extract;

import dev.arca.extract.Dates.Moment;
import dev.arca.extract.Metadata.Candidate;
import dev.arca.extract.Metadata.Field;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Settles the publication and modification dates on the page's own clock. The most trusted
 * candidate (the first of equals) gives the moment, but a page often writes the same moment twice: in UTC for machines
 * and in local time for readers. Then the local form wins, because the day a reader sees is
 * the day the story was published: an offset of the page's own ({@code +02:00}) over
 * {@code Z}; a local time without offset is combined with the instant into one with its
 * offset; and a bare local day that the UTC instant falls on in the page's zone replaces the
 * UTC day.
 */
public final class DateStep implements Step {

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        for (Field field : new Field[] {Field.PUBLISHED, Field.MODIFIED}) {
            Candidate settled = settle(m.candidates(field));
            if (settled != null) {
                m.choose(field, settled);
            }
        }
    }

    /** The candidate (or a combination of two) that says the first candidate's moment in local time. */
    static Candidate settle(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.confidence() > best.confidence()) {
                best = c;
            }
        }
        Moment b = Dates.moment(best.value());
        if (b == null || b.local() == null) {
            return preciser(best, b, candidates);
        }
        boolean utc = b.offset() != null && b.offset().getTotalSeconds() == 0;
        if (b.offset() != null && !utc) {
            return best;
        }
        Candidate localDay = null;
        boolean sameDaySeen = false;
        for (Candidate c : candidates) {
            if (c == best || !Dates.agree(c.value(), best.value())) {
                continue;
            }
            Moment x = Dates.moment(c.value());
            if (x.local() == null) {
                sameDaySeen |= x.day().equals(b.day());
                if (utc && localDay == null && !x.day().equals(b.day())) {
                    localDay = c;
                }
            } else if (x.offset() != null && x.offset().getTotalSeconds() != 0) {
                // the same instant with the page's own offset
                return b.offset() != null ? c : combined(b, x, best);
            } else if (x.offset() == null && b.offset() != null && !x.local().equals(b.local())) {
                return combined(x, b, c);
            } else if (x.offset() != null && b.offset() == null) {
                return combined(b, x, best);
            }
        }
        return localDay != null && !sameDaySeen ? localDay : best;
    }

    /** A bare day is made precise by an agreeing candidate with a time on that same day. */
    private static Candidate preciser(Candidate best, Moment b, List<Candidate> candidates) {
        if (b == null) {
            return best;
        }
        for (Candidate c : candidates) {
            Moment x = Dates.moment(c.value());
            if (c != best && x != null && x.local() != null && x.local().toLocalDate().equals(b.day())) {
                return new Candidate(c.value(), best.source(), best.confidence());
            }
        }
        return best;
    }

    /** The local time of {@code local} with the offset that makes it {@code zoned}'s instant. */
    private static Candidate combined(Moment local, Moment zoned, Candidate from) {
        long seconds = Duration.between(zoned.instant(), local.local().toInstant(ZoneOffset.UTC)).getSeconds();
        OffsetDateTime t = OffsetDateTime.of(local.local(), ZoneOffset.ofTotalSeconds((int) seconds));
        return new Candidate(Dates.normalise(t.toString()), from.source(), from.confidence());
    }
}
