package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(7));

    @Test
    void retriesConnectErrorsTimeoutsAndServerErrors() {
        assertThat(policy.waitBeforeRetry(new FetchException(FetchException.Reason.CONNECT, "refused"), 0)).isPresent();
        assertThat(policy.waitBeforeRetry(new FetchException(FetchException.Reason.TIMEOUT, "slow"), 0)).isPresent();
        assertThat(policy.waitBeforeRetry(FetchException.httpStatus(500), 0)).isPresent();
        assertThat(policy.waitBeforeRetry(FetchException.httpStatus(503), 0)).isPresent();
        assertThat(policy.waitBeforeRetry(FetchException.httpStatus(408), 0)).isPresent();
        assertThat(policy.waitBeforeRetry(FetchException.httpStatus(429), 0)).isPresent();
    }

    @Test
    void otherClientErrorsAndLocalProblemsAreFinal() {
        for (int status : new int[]{400, 401, 403, 404, 410, 451}) {
            assertThat(policy.waitBeforeRetry(FetchException.httpStatus(status), 0)).as("HTTP %d", status).isEmpty();
        }
        assertThat(policy.waitBeforeRetry(new FetchException(FetchException.Reason.DNS, "no such host"), 0)).isEmpty();
        assertThat(policy.waitBeforeRetry(new FetchException(FetchException.Reason.TOO_LARGE, "big"), 0)).isEmpty();
        assertThat(policy.waitBeforeRetry(new FetchException(FetchException.Reason.BLOCKED, "robots"), 0)).isEmpty();
    }

    @Test
    void backsOffExponentiallyWithJitter() {
        FetchException e = FetchException.httpStatus(502);
        for (int n = 0; n < 3; n++) {
            long full = 1000L << n;
            for (int i = 0; i < 50; i++) {
                assertThat(policy.waitBeforeRetry(e, n).orElseThrow().toMillis()).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void jitterSpreadsTheWaits() {
        FetchException e = FetchException.httpStatus(502);
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToLong(i -> policy.waitBeforeRetry(e, 2).orElseThrow().toMillis()).distinct().count();
        assertThat(distinct).isGreaterThan(5);
    }

    @Test
    void stopsAfterTheRetryLimit() {
        FetchException e = FetchException.httpStatus(503);
        assertThat(policy.waitBeforeRetry(e, 2)).isPresent();
        assertThat(policy.waitBeforeRetry(e, 3)).isEmpty();
        assertThat(policy.whyFinal(e, 3)).isEqualTo(" (gave up after 3 retries)");
        assertThat(RetryPolicy.of(0).waitBeforeRetry(e, 0)).isEmpty();
    }

    @Test
    void honoursRetryAfterButNotBeyondTheLongestWait() {
        assertThat(policy.waitBeforeRetry(FetchException.httpStatus(429, "42"), 0))
                .contains(Duration.ofSeconds(42));
        FetchException tooLong = FetchException.httpStatus(503, "7200");
        assertThat(policy.waitBeforeRetry(tooLong, 0)).isEmpty();
        assertThat(policy.whyFinal(tooLong, 0)).contains("retry after 7200 s");
    }
}
