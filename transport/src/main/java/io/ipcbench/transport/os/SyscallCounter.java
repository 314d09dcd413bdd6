package io.ipcbench.transport.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Counts the system calls of one thread over a window with
 * {@code perf stat -e raw_syscalls:sys_enter -t <tid>}, started disabled ({@code --delay=-1}) and
 * switched on and off through perf's control FIFOs, each switch acknowledged by perf. So the count
 * covers exactly the measured window of the measuring thread: no start-up, no warm-up, no other
 * thread. The two getrusage calls on each side of the window fall inside it (four calls in all).
 *
 * <p>When perf is missing or refuses (perf_event_paranoid, no tracepoint), {@link #start} says why
 * and the count is reported as unavailable; it is never estimated.
 */
public final class SyscallCounter implements AutoCloseable
{
    public static final String EVENT = "raw_syscalls:sys_enter";
    private static final long ACK_TIMEOUT_MS = 5_000;

    private final Process perf;
    private final int control;
    private final int ack;
    private final Path output;
    private final Memory buffer = new Memory(64);
    private final Memory pollFd = new Memory(8);
    private boolean closed;

    private SyscallCounter(final Process perf, final int control, final int ack, final Path output)
    {
        this.perf = perf;
        this.control = control;
        this.ack = ack;
        this.output = output;
    }

    /**
     * Starts perf on thread {@code tid}, counting nothing yet. Its FIFOs and output go in {@code directory}.
     * {@code started} hears perf's pid as soon as it runs, before it has answered: whoever must
     * not outlive this process can then take perf along.
     *
     * @throws IOException with the reason perf cannot count here.
     */
    public static SyscallCounter start(final Path directory, final String name, final int tid, final LongConsumer started)
        throws IOException
    {
        final Path ctl = directory.resolve(name + ".perf-ctl");
        final Path ackPath = directory.resolve(name + ".perf-ack");
        final Path output = directory.resolve(name + ".perf-out");
        for (final Path fifo : new Path[] {ctl, ackPath})
        {
            try
            {
                LibC.mkfifo(fifo.toString(), 0600);
            }
            catch (final LastErrorException ex)
            {
                throw new IOException("mkfifo " + fifo + " failed: errno=" + ex.getErrorCode());
            }
        }
        // Both FIFOs opened read-write, which never blocks whatever perf does.
        final int control = LibC.open(ctl.toString(), LibC.O_RDWR | LibC.O_CLOEXEC);
        final int ack = LibC.open(ackPath.toString(), LibC.O_RDWR | LibC.O_CLOEXEC);
        final Process perf;
        try
        {
            perf = new ProcessBuilder(List.of("perf", "stat", "-e", EVENT, "-t", Integer.toString(tid), "--delay=-1",
                "--control", "fifo:" + ctl + "," + ackPath, "-x", ",", "-o", output.toString()))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".perf-log").toFile())
                .start();
        }
        catch (final IOException ex)
        {
            LibC.close(control);
            LibC.close(ack);
            throw new IOException("perf could not be started: " + ex.getMessage());
        }
        started.accept(perf.pid());
        final SyscallCounter counter = new SyscallCounter(perf, control, ack, output);
        try
        {
            counter.command("ping");
        }
        catch (final IOException ex)
        {
            counter.close();
            final String log = readQuietly(directory.resolve(name + ".perf-log"));
            throw new IOException("perf stat -e " + EVENT + " did not answer: " + (log.isBlank() ? ex.getMessage() : log.trim()));
        }
        return counter;
    }

    /** perf's process id. */
    public long pid()
    {
        return perf.pid();
    }

    public void enable() throws IOException
    {
        command("enable");
    }

    public void disable() throws IOException
    {
        command("disable");
    }

    /** Ends perf and returns the count it printed. */
    public long finish() throws IOException
    {
        LibC.kill((int)perf.pid(), LibC.SIGINT);
        try
        {
            if (!perf.waitFor(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                throw new IOException("perf did not exit after SIGINT");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for perf");
        }
        for (final String line : Files.readAllLines(output, StandardCharsets.UTF_8))
        {
            final String[] fields = line.split(",");
            if (fields.length > 2 && fields[2].startsWith(EVENT))
            {
                try
                {
                    return Long.parseLong(fields[0].trim());
                }
                catch (final NumberFormatException ex)
                {
                    throw new IOException("perf could not count " + EVENT + ": " + fields[0]);
                }
            }
        }
        throw new IOException("perf printed no count for " + EVENT);
    }

    /**
     * Sends a control command and waits for perf's acknowledgement. The wait is one poll(2) and one
     * read(2): once perf has enabled counting, these are the only calls of ours it sees before the
     * window's traffic, so the count carries at most a handful of them.
     */
    private void command(final String command) throws IOException
    {
        final byte[] bytes = (command + "\n").getBytes(StandardCharsets.US_ASCII);
        buffer.write(0, bytes, 0, bytes.length);
        if (LibC.write(control, Pointer.nativeValue(buffer), bytes.length) != bytes.length)
        {
            throw new IOException("could not write '" + command + "' to perf's control FIFO");
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MS);
        final StringBuilder answer = new StringBuilder();
        while (answer.indexOf("ack") < 0)
        {
            pollFd.setInt(0, ack);
            pollFd.setShort(4, LibC.POLLIN);
            pollFd.setShort(6, (short)0);
            final int ready = LibC.poll(Pointer.nativeValue(pollFd), 1, 100);
            if (ready > 0)
            {
                final long read = LibC.read(ack, Pointer.nativeValue(buffer), buffer.size());
                if (read > 0)
                {
                    answer.append(new String(buffer.getByteArray(0, (int)read), StandardCharsets.US_ASCII));
                }
                continue;
            }
            if (!perf.isAlive())
            {
                throw new IOException("perf exited with status " + perf.exitValue());
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new IOException("perf did not acknowledge '" + command + "' within " + ACK_TIMEOUT_MS + " ms");
            }
        }
    }

    private static String readQuietly(final Path path)
    {
        try
        {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            perf.destroyForcibly();
            LibC.close(control);
            LibC.close(ack);
        }
    }
}
