package io.ipcbench.harness.faults;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.ipcbench.harness.cli.IpcBench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ipcbench} command as a real process (same java, same classpath as this JVM), for the
 * faults that strike the harness itself: SIGINT, SIGTERM, SIGKILL. Its output is collected as it
 * comes, so a test can wait for a line.
 */
final class HarnessProcess
{
    static
    {
        Native.register(HarnessProcess.class, NativeLibrary.getInstance("c"));
    }

    private static final int SIGINT = 2;
    private static final long SIG_DFL = 0;
    private static final long SIG_IGN = 1;

    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();

    private static native int sigaction(int signal, Pointer action, Pointer old);

    private static native long signal(int signal, long handler);

    private HarnessProcess(final Process process)
    {
        this.process = process;
        collect(process.getInputStream(), out);
        collect(process.getErrorStream(), err);
    }

    static HarnessProcess start(final List<String> args) throws IOException
    {
        return start(args, Path.of(System.getProperty("user.dir")));
    }

    /** The command started in {@code workingDirectory}, as a user would from wherever they stand. */
    static HarnessProcess start(final List<String> args, final Path workingDirectory) throws IOException
    {
        unignoreSigint();
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), IpcBench.class.getName()));
        command.addAll(args);
        return new HarnessProcess(new ProcessBuilder(command).directory(workingDirectory.toFile()).start());
    }

    /**
     * A background job's SIGINT is ignored (POSIX: commands started with {@code &} without job
     * control), and an ignored SIGINT is inherited through fork and exec, and a JVM that starts
     * with it ignored never installs its handler. Maven run from a script in the background would
     * hand that on to the harness under test, which would then sleep through the test's SIGINT,
     * as it would through a user's. Only an ignored disposition is reset: when this JVM handles
     * SIGINT itself, a child gets the default across exec anyway.
     */
    private static synchronized void unignoreSigint()
    {
        // struct sigaction starts with the handler on Linux (x86-64 and aarch64); 256 bytes hold it all
        final Memory old = new Memory(256);
        if (sigaction(SIGINT, null, old) == 0 && old.getLong(0) == SIG_IGN)
        {
            signal(SIGINT, SIG_DFL);
        }
    }

    private static void collect(final InputStream stream, final StringBuffer into)
    {
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = lines.readLine()) != null)
                {
                    into.append(line).append('\n');
                }
            }
            catch (final IOException ex)
            {
                // the process is gone
            }
        }, "harness-output");
        reader.setDaemon(true);
        reader.start();
    }

    long pid()
    {
        return process.pid();
    }

    String out()
    {
        return out.toString();
    }

    String err()
    {
        return err.toString();
    }

    String all()
    {
        return out() + err();
    }

    /** Waits up to {@code millis} for {@code text} on stdout; false when it did not come or the process ended. */
    boolean awaitOutput(final String text, final long millis) throws InterruptedException
    {
        final long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline)
        {
            if (out.indexOf(text) >= 0)
            {
                return true;
            }
            if (!process.isAlive())
            {
                return out.indexOf(text) >= 0;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Waits up to {@code millis} for the process to exit; its status, or -1 when it is still running. */
    int awaitExit(final long millis) throws InterruptedException
    {
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS))
        {
            return -1;
        }
        // the output readers finish right after the pipes close
        Thread.sleep(100);
        return process.exitValue();
    }

    void destroy()
    {
        process.destroyForcibly();
    }
}
