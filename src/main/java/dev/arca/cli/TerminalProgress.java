package dev.arca.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;

/**
 * The progress bar on a terminal's stderr, drawn by me.tongfei:progressbar: done/total, rate, ETA
 * and the URL a worker started last. Only loaded when a person is watching.
 */
final class TerminalProgress implements Progress {

    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream err;
    private final Object screen = new Object();
    private final ProgressBar bar;
    private String drawn = "";

    TerminalProgress(PrintStream err) {
        this.err = err;
        ConsoleProgressBarConsumer console = new ConsoleProgressBarConsumer(err);
        this.bar = new ProgressBarBuilder()
                .setTaskName("arca")
                .setInitialMax(0)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUnit(" URLs", 1)
                .setConsumer(new ProgressBarConsumer() {
                    @Override
                    public int getMaxRenderedLength() {
                        return console.getMaxRenderedLength();
                    }

                    @Override
                    public void accept(String rendered) {
                        synchronized (screen) {
                            drawn = rendered;
                            console.accept(rendered);
                        }
                    }

                    @Override
                    public void close() {
                        synchronized (screen) {
                            console.close();
                        }
                    }
                })
                .build();
    }

    @Override
    public void total(long inputs) {
        bar.maxHint(inputs);
    }

    @Override
    public void started(String url) {
        bar.setExtraMessage(" " + Columns.clean(url));
    }

    @Override
    public void step() {
        bar.step();
    }

    @Override
    public void above(Runnable print) {
        synchronized (screen) {
            err.print(CLEAR_LINE);
            err.flush();
            print.run();
            err.print(drawn);
            err.flush();
        }
    }

    @Override
    public void close() {
        bar.setExtraMessage("");
        bar.close();
    }
}
