package io.ipcbench.harness.launch;

import io.ipcbench.transport.Side;
import io.ipcbench.transport.control.ControlProtocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One running child and what the harness has heard from it: control lines parsed as they arrive
 * on stdout, everything else on stdout and stderr kept as a tail for the failure message.
 */
final class ChildProcess
{
    private static final int TAIL_LINES = 30;

    final Side side;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    /** Processes the child started (perf), which must not outlive it even when it was killed. */
    private final List<ProcessHandle> helpers = new CopyOnWriteArrayList<>();
    private final long startNs;
    private volatile long lastLineNs;
    private volatile long progress = -1;
    private volatile long progressChangedNs;
    private volatile String ready;
    private volatile String result;
    private volatile String error;
    /** When the exit was seen by the JDK's reaper thread, blocked in waitpid(2): which of two went first. */
    private volatile long exitNs = Long.MAX_VALUE;
    private final Thread stdoutReader;
    private final Thread stderrReader;

    ChildProcess(final Side side, final List<String> command) throws IOException
    {
        this.side = side;
        this.startNs = System.nanoTime();
        this.lastLineNs = startNs;
        this.progressChangedNs = startNs;
        this.process = new ProcessBuilder(command).start();
        process.onExit().thenRun(() -> exitNs = System.nanoTime());
        this.stdoutReader = daemon(() -> readStdout(process.getInputStream()), "stdout");
        this.stderrReader = daemon(() -> readStderr(process.getErrorStream()), "stderr");
    }

    private Thread daemon(final Runnable body, final String stream)
    {
        final Thread thread = new Thread(body, "ipcbench-" + side.label() + "-" + stream);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void readStdout(final InputStream in)
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                lastLineNs = System.nanoTime();
                final String[] control = ControlProtocol.parse(line);
                if (control == null)
                {
                    remember(line);
                    continue;
                }
                switch (control[0])
                {
                    case ControlProtocol.PROGRESS:
                        final long value = parseLong(control[1]);
                        if (value != progress)
                        {
                            progress = value;
                            progressChangedNs = lastLineNs;
                        }
                        break;
                    case ControlProtocol.READY:
                        ready = control[1];
                        progressChangedNs = lastLineNs;
                        break;
                    case ControlProtocol.RESULT:
                        result = control[1];
                        break;
                    case ControlProtocol.ERROR:
                        error = control[1];
                        remember(line);
                        break;
                    case ControlProtocol.HELPER:
                        // the handle keeps the start time: a pid reused after perf left is never killed
                        ProcessHandle.of(parseLong(control[1])).ifPresent(helpers::add);
                        break;
                    default:
                        remember(line);
                }
            }
        }
        catch (final IOException ex)
        {
            // the process is gone
        }
    }

    private void readStderr(final InputStream in)
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                remember(line);
            }
        }
        catch (final IOException ex)
        {
            // the process is gone
        }
    }

    private void remember(final String line)
    {
        synchronized (tail)
        {
            tail.addLast(line);
            while (tail.size() > TAIL_LINES)
            {
                tail.removeFirst();
            }
        }
    }

    private static long parseLong(final String text)
    {
        try
        {
            return Long.parseLong(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    long pid()
    {
        return process.pid();
    }

    boolean alive()
    {
        return process.isAlive();
    }

    /** Nano time the exit was seen, {@link Long#MAX_VALUE} while running. */
    long exitNs()
    {
        return exitNs;
    }

    /**
     * True when the kernel has the process stopped (state T or t in /proc/pid/stat): SIGSTOP,
     * Ctrl-Z or a debugger. Such a process sends no heartbeat and will never send one by itself.
     */
    boolean stopped()
    {
        try
        {
            final String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.US_ASCII);
            // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'
            final int close = stat.lastIndexOf(')');
            final char state = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
            return state == 'T' || state == 't';
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    int exitCode()
    {
        return process.exitValue();
    }

    String ready()
    {
        return ready;
    }

    String result()
    {
        return result;
    }

    String error()
    {
        return error;
    }

    long progress()
    {
        return progress;
    }

    long silentNs(final long nowNs)
    {
        return nowNs - lastLineNs;
    }

    long stalledNs(final long nowNs)
    {
        return nowNs - progressChangedNs;
    }

    long ageNs(final long nowNs)
    {
        return nowNs - startNs;
    }

    /** The last lines the child wrote that were not control traffic (its log and stack traces). */
    String tail()
    {
        synchronized (tail)
        {
            return String.join("\n", tail);
        }
    }

    /** Waits for the child to exit and for everything it wrote to be read, up to {@code millis} each. */
    void awaitExit(final long millis)
    {
        try
        {
            process.waitFor(millis, TimeUnit.MILLISECONDS);
            if (!process.isAlive())
            {
                stdoutReader.join(millis);
                stderrReader.join(millis);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL to the child and to what it started (perf), then wait for the kernel to reap it;
     * safe on a stopped or dead process. perf would leave by itself once its thread is gone, but
     * only about a second later; a child killed by someone else leaves it an orphan, known only
     * by the pid the child reported.
     */
    void kill()
    {
        if (process.isAlive())
        {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (final ProcessHandle helper : helpers)
        {
            helper.destroyForcibly();
        }
        awaitExit(5_000);
        for (final ProcessHandle helper : helpers)
        {
            helper.onExit().completeOnTimeout(helper, 2, TimeUnit.SECONDS).join();
        }
    }
}
