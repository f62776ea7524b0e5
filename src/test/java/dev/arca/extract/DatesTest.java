package dev.arca.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    @Test
    void keepsIsoOffsetAndTime() {
        assertThat(Dates.normalise("2021-03-05T10:15:00+01:00")).isEqualTo("2021-03-05T10:15:00+01:00");
        assertThat(Dates.normalise("2021-03-05T10:15:00.123Z")).isEqualTo("2021-03-05T10:15:00Z");
        assertThat(Dates.normalise("2021-03-05T10:15+0200")).isEqualTo("2021-03-05T10:15:00+02:00");
        assertThat(Dates.normalise("2021-03-05 10:15:30")).isEqualTo("2021-03-05T10:15:30");
        assertThat(Dates.normalise("2021-03-05")).isEqualTo("2021-03-05");
    }

    @Test
    void readsRfc1123AndWrittenDates() {
        assertThat(Dates.normalise("Tue, 03 Jun 2008 11:05:30 GMT")).isEqualTo("2008-06-03T11:05:30Z");
        assertThat(Dates.normalise("March 5, 2021")).isEqualTo("2021-03-05");
        assertThat(Dates.normalise("5. März 2021")).isEqualTo("2021-03-05");
        assertThat(Dates.normalise("5 de marzo de 2021")).isEqualTo("2021-03-05");
        assertThat(Dates.normalise("05.03.2021")).isEqualTo("2021-03-05");
        assertThat(Dates.normalise("Posted on Jan 9, 2012 at 3:04 pm")).isEqualTo("2012-01-09T15:04:00");
    }

    @Test
    void rejectsWhatIsNotADate() {
        assertThat(Dates.normalise("no date here")).isNull();
        assertThat(Dates.normalise("")).isNull();
        assertThat(Dates.normalise(null)).isNull();
        assertThat(Dates.normalise("1066-10-14")).isNull();
    }

    @Test
    void findsDatesInUrlPaths() {
        assertThat(Dates.fromUrl("https://x.example/2019/10/19/story-slug/")).isEqualTo("2019-10-19");
        assertThat(Dates.fromUrl("https://x.example/news/2019-10-19-story")).isEqualTo("2019-10-19");
        assertThat(Dates.fromUrl("https://x.example/news/story-123456")).isNull();
    }

    @Test
    void agreesOnOneMomentWrittenInDifferentZonesOrPrecisions() {
        assertThat(Dates.agree("2019-10-18T22:04:00Z", "2019-10-19T00:04:00+02:00")).isTrue();
        assertThat(Dates.agree("2019-10-18T22:04:00Z", "2019-10-19T00:04:00")).isTrue();
        assertThat(Dates.agree("2022-05-04T00:25:56Z", "2022-05-03")).isTrue();
        assertThat(Dates.agree("2022-05-04", "2022-05-04T10:00:00")).isTrue();
        assertThat(Dates.agree("2019-10-18T22:04:00Z", "2019-10-18T22:05:00+02:00")).isFalse();
        assertThat(Dates.agree("2019-10-18T22:04:00Z", "2019-10-21")).isFalse();
        assertThat(Dates.agree("2019-10-18T22:04:00", "2019-10-18T23:04:00")).isFalse();
    }

    @Test
    void readsMillisecondsWrittenAfterAColon() {
        assertThat(Dates.normalise("2022-01-10T22:06:08:684Z")).isEqualTo("2022-01-10T22:06:08Z");
    }
}
