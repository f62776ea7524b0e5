package dev.arca.cli;

/**
 * What a person watching stderr sees while a batch runs. Whole lines printed meanwhile, results and
 * errors, go through {@link #above} so that they never end up inside the bar.
 */
interface Progress extends AutoCloseable {

    /** Shows nothing: stderr is not a terminal, or {@code --quiet}. */
    Progress NONE = new Progress() {
        @Override
        public void total(long inputs) {
        }

        @Override
        public void started(String url) {
        }

        @Override
        public void step() {
        }

        @Override
        public void above(Runnable print) {
            print.run();
        }

        @Override
        public void close() {
        }
    };

    /** How many inputs are known so far; lists and feeds are read as the batch goes. */
    void total(long inputs);

    /** A worker began on {@code url}. */
    void started(String url);

    /** One more input is done. */
    void step();

    /** Runs {@code print}, which writes whole lines, with the bar out of the way. */
    void above(Runnable print);

    @Override
    void close();
}
