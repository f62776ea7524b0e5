package dev.arca.fetch;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * When to try a failed fetch again. Transient failures (refused or broken connections, timeouts,
 * 408, 429 and 5xx responses) are retried a limited number of times with exponential back-off and
 * jitter, so that workers that failed together do not all come back together; a Retry-After header
 * is honoured as given. Every other failure, 4xx responses above all, is final.
 */
final class RetryPolicy {

    /** The first back-off; each retry doubles it. */
    public static final Duration DEFAULT_FIRST_WAIT = Duration.ofSeconds(1);
    /** A Retry-After longer than this is not waited for: the URL fails instead. */
    public static final Duration DEFAULT_LONGEST_WAIT = Duration.ofMinutes(5);

    private final int retries;
    private final Duration firstWait;
    private final Duration longestWait;
    private final RandomGenerator random;

    public RetryPolicy(int retries, Duration firstWait, Duration longestWait, RandomGenerator random) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        this.retries = retries;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.random = random;
    }

    /** {@code retries} retries with the default waits. */
    public static RetryPolicy of(int retries) {
        return new RetryPolicy(retries, DEFAULT_FIRST_WAIT, DEFAULT_LONGEST_WAIT, new Random());
    }

    /**
     * The wait before trying again a fetch that failed with {@code failure} after
     * {@code retriesSoFar} retries, or empty when the failure is final.
     */
    public Optional<Duration> waitBeforeRetry(FetchException failure, int retriesSoFar) {
        if (retriesSoFar >= retries || !isTransient(failure)) {
            return Optional.empty();
        }
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isPresent()) {
            return asked.get().compareTo(longestWait) > 0 ? Optional.empty() : asked;
        }
        return Optional.of(backoff(retriesSoFar));
    }

    /** Why a failure that {@link #waitBeforeRetry} turned down is final, as a suffix for its message ("" when obvious). */
    public String whyFinal(FetchException failure, int retriesSoFar) {
        if (!isTransient(failure)) {
            return "";
        }
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isPresent() && asked.get().compareTo(longestWait) > 0) {
            return " (the server asked to retry after " + asked.get().toSeconds() + " s; arca waits at most "
                    + longestWait.toSeconds() + " s)";
        }
        return retriesSoFar == 0 ? "" : " (gave up after " + retriesSoFar + (retriesSoFar == 1 ? " retry)" : " retries)");
    }

    /** True for failures that may well go away when tried again. */
    public static boolean isTransient(FetchException failure) {
        return switch (failure.reason()) {
            case CONNECT, TIMEOUT, PROTOCOL -> true;
            case HTTP_STATUS -> failure.status() == 408 || failure.status() == 429 || failure.status() >= 500;
            default -> false;
        };
    }

    /** Half the doubled wait, plus a random part of the other half ("equal jitter"). */
    private Duration backoff(int retriesSoFar) {
        long full = firstWait.toMillis() << Math.min(retriesSoFar, 20);
        long half = full / 2;
        return Duration.ofMillis(half + random.nextLong(full - half + 1));
    }
}
