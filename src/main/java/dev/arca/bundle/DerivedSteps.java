package dev.arca.bundle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the steps derived from one capture (extraction, Markdown, the article's JSON) so that a
 * failure costs a {@link CaptureWarning}, never the capture: once the exchange has been received,
 * its bundle is written whatever these steps do. Any exception counts, and so do a
 * {@link StackOverflowError} and an {@link OutOfMemoryError}, which a hostile page can cause and
 * which leave the process usable once the step's work is dropped. One per capture; not thread-safe.
 */
public final class DerivedSteps {

    /** A derived step's work. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    private final Consumer<String> beforeEach;
    private final List<CaptureWarning> warnings = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();

    public DerivedSteps() {
        this(step -> { });
    }

    /**
     * Steps preceded by {@code beforeEach}, which is given the step's name and may throw as the
     * step would: for tests that make a chosen step fail.
     */
    public DerivedSteps(Consumer<String> beforeEach) {
        this.beforeEach = beforeEach;
    }

    /** The result of {@code work}, or empty when it failed, with a warning naming {@code step} and why. */
    public <T> Optional<T> run(String step, Work<T> work) {
        try {
            beforeEach.accept(step);
            return Optional.ofNullable(work.run());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            warnings.add(CaptureWarning.failed(step, e));
            failed.add(step);
            return Optional.empty();
        }
    }

    /** Records that {@code step} failed with {@code cause}, which it returned rather than threw. */
    public void fail(String step, Throwable cause) {
        warnings.add(CaptureWarning.failed(step, cause));
        failed.add(step);
    }

    /** Records what a step found wrong with the page, though it did its work. */
    public void warn(String step, String message) {
        warnings.add(new CaptureWarning(step, message));
    }

    /** True when {@code step} ran and failed. */
    public boolean failed(String step) {
        return failed.contains(step);
    }

    /** Every warning so far, in the order they arose. */
    public List<CaptureWarning> warnings() {
        return List.copyOf(warnings);
    }
}
