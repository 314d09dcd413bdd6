package io.ipcbench.transport.control;

import java.io.PrintStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The control plane between the harness and a child: lines on the child's standard output that
 * start with {@link #PREFIX}, anything else on stdout or stderr being the child's own log. The data
 * plane, the transport under test, never carries control traffic other than the in-band
 * SYNC and END markers that every transport must deliver anyway.
 *
 * <pre>
 *   @ipcbench ready {json}       channel open, measuring thread pinned; affinity in effect
 *   @ipcbench progress N         heartbeat every 200 ms: messages handled so far
 *   @ipcbench result {json}      the child's figures for the measured window
 *   @ipcbench error text         why the child gave up; it exits non-zero next
 *   @ipcbench helper PID         a process the child started (perf), to be killed with it
 * </pre>
 *
 * The harness keeps the child's stdin open; end-of-file there means the harness is gone.
 */
public final class ControlProtocol
{
    public static final String PREFIX = "@ipcbench ";
    public static final String READY = "ready";
    public static final String PROGRESS = "progress";
    public static final String RESULT = "result";
    public static final String ERROR = "error";
    public static final String HELPER = "helper";

    public static final long HEARTBEAT_INTERVAL_MS = 200;

    /** Exit codes of a child. */
    public static final int EXIT_OK = 0;
    /** A fault of the measured exchange: a lost, reordered, truncated or corrupted message. */
    public static final int EXIT_FAULT = 1;
    public static final int EXIT_USAGE = 2;
    /** The harness went away (stdin closed); the child removed its point directory and left. */
    public static final int EXIT_ORPHANED = 3;
    /** Any other failure: the peer went away, an I/O error, a resource that could not be had. */
    public static final int EXIT_ERROR = 4;

    private static final PrintStream OUT = System.out;

    private ControlProtocol()
    {
    }

    public static void emit(final String kind, final String body)
    {
        synchronized (OUT)
        {
            OUT.print(PREFIX);
            OUT.print(kind);
            OUT.print(' ');
            OUT.println(body.replace('\n', ' '));
            OUT.flush();
        }
    }

    /**
     * Takes the control plane's lock and never gives it back: the {@code mute-mid} fault, a child
     * that runs on silent. {@code held} runs once the lock is taken.
     */
    static void blockForever(final Runnable held)
    {
        synchronized (OUT)
        {
            held.run();
            while (true)
            {
                LockSupport.park();
            }
        }
    }

    /** A parsed control line: kind and body, or null when the line is the child's own output. */
    public static String[] parse(final String line)
    {
        if (line == null || !line.startsWith(PREFIX))
        {
            return null;
        }
        final String rest = line.substring(PREFIX.length());
        final int space = rest.indexOf(' ');
        return space < 0 ? new String[] {rest, ""} : new String[] {rest.substring(0, space), rest.substring(space + 1)};
    }
}
