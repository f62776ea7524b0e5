package dev.arca.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream whose failures cannot be lost: a {@link java.io.PrintStream} would swallow the
 * IOException, and a bundle reader copying into it would call it damage. The first failure is
 * thrown as an {@link OutputFailure}, and every later write or flush throws it again without
 * touching the stream, so a command stops at its next line.
 */
final class CheckedOutput extends OutputStream {

    private final OutputStream out;
    private final String destination;
    private volatile OutputFailure failure;

    /**
     * @param destination what the stream writes to, as a message names it: "to standard output" or a path
     */
    CheckedOutput(OutputStream out, String destination) {
        this.out = out;
        this.destination = destination;
    }

    @Override
    public void write(int b) {
        check();
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        check();
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() {
        check();
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Closes the stream; after a failure, quietly, since that failure is already on its way up. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                throw failed(e);
            }
        }
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }

    private OutputFailure failed(IOException e) {
        if (failure == null) {
            failure = new OutputFailure(destination, e);
        }
        return failure;
    }
}
