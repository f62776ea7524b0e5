package dev.arca.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * A process that behaves like an arca run in the middle of writing a bundle: it creates the hidden
 * temporary file, writes the bytes and holds the file locked, as a live writer does, until told to
 * finish; then it renames the file to the bundle's name. For tests of what another run may do to a
 * live writer's files.
 */
public final class PendingWriter implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;

    private PendingWriter(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts writing {@code bytes} to {@code temp}, and returns once the file is written and locked. */
    public static PendingWriter start(Path temp, Path bundle, byte[] bytes) throws IOException {
        Path data = Files.write(Files.createTempFile("pending", ".bytes"), bytes);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), PendingWriter.class.getName(),
                temp.toString(), bundle.toString(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        PendingWriter writer = new PendingWriter(process);
        String line = writer.out.readLine();
        Files.delete(data);
        if (!"locked".equals(line)) {
            writer.close();
            throw new IOException("the pending writer did not start: " + line);
        }
        return writer;
    }

    /** Lets the writer rename its file into place and exit; returns its exit status. */
    public int finish() throws IOException, InterruptedException {
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the pending writer did not finish");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    public static void main(String[] args) throws IOException {
        Path temp = Path.of(args[0]);
        Path bundle = Path.of(args[1]);
        byte[] bytes = Files.readAllBytes(Path.of(args[2]));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.lock();
            channel.write(ByteBuffer.wrap(bytes));
            System.out.println("locked");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
            Files.move(temp, bundle, StandardCopyOption.ATOMIC_MOVE); // an exception here exits with status 1
        }
    }
}
