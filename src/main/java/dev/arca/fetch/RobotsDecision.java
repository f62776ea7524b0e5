package dev.arca.fetch;

/**
 * What robots.txt says about one URL, kept with the capture so that an archive shows it was
 * fetched with the site's consent.
 *
 * @param allowed   whether arca may fetch the URL
 * @param robotsUrl the robots.txt consulted
 * @param basis     how that file was read: "HTTP 200", or "HTTP 404: no rules"
 */
record RobotsDecision(boolean allowed, String robotsUrl, String basis) {

    /** This decision when it allows the fetch, else a {@link FetchException.Reason#BLOCKED} failure that says which setting decided it. */
    public RobotsDecision requireAllowed() throws FetchException {
        if (!allowed) {
            throw new FetchException(FetchException.Reason.BLOCKED, "blocked by " + robotsUrl,
                    FetchException.Setting.ROBOTS, null);
        }
        return this;
    }
}
