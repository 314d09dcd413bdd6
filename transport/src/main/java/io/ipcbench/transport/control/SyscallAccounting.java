package io.ipcbench.transport.control;

import io.ipcbench.transport.Side;
import io.ipcbench.transport.os.LibC;
import io.ipcbench.transport.os.SyscallCounter;

import java.io.IOException;

/**
 * System calls per message of one side, counted by perf on the measuring thread over an
 * accounting window: the same workload as the measured window, run between warm-up and SYNC,
 * bracketed by the in-band ACCOUNT_START and ACCOUNT_END markers, and not timed.
 *
 * <p>Why not count in the measured window itself: a perf tracepoint on raw_syscalls slows every
 * system call of the traced thread (here a 64-byte pipe round trip went from about 16 to 25 us),
 * so counting there would distort the very figures it explains. perf is detached before the
 * measured window opens.
 */
public final class SyscallAccounting implements AutoCloseable
{
    private final PointSpec spec;
    private final Side side;
    private SyscallCounter counter;
    private String unavailable;
    private long syscalls = -1;
    private long messages;
    private long startMessages;

    public SyscallAccounting(final PointSpec spec, final Side side)
    {
        this.spec = spec;
        this.side = side;
        this.unavailable = spec.countSyscalls ? null : "not requested";
    }

    public boolean requested()
    {
        return spec.countSyscalls;
    }

    /** Attaches perf to the calling (measuring) thread, counting nothing yet. */
    public void attach()
    {
        if (unavailable != null || counter != null)
        {
            return;
        }
        try
        {
            // the harness kills perf with this child: a child killed by someone else would leave it a second longer
            counter = SyscallCounter.start(spec.directory, side.label(), LibC.gettid(),
                pid -> ControlProtocol.emit(ControlProtocol.HELPER, Long.toString(pid)));
        }
        catch (final IOException | RuntimeException ex)
        {
            unavailable = ex.getMessage();
        }
    }

    /** Starts counting, with this side's message count so far. */
    public void begin(final long messagesSoFar)
    {
        startMessages = messagesSoFar;
        if (counter != null)
        {
            try
            {
                counter.enable();
            }
            catch (final IOException ex)
            {
                fail(ex);
            }
        }
    }

    /** Stops counting and detaches perf, with this side's message count so far. */
    public void end(final long messagesSoFar)
    {
        messages = messagesSoFar - startMessages;
        if (counter != null)
        {
            try
            {
                counter.disable();
                syscalls = counter.finish();
            }
            catch (final IOException ex)
            {
                fail(ex);
            }
            close();
        }
    }

    private void fail(final IOException ex)
    {
        unavailable = ex.getMessage();
        close();
    }

    public Json toJson()
    {
        final Json json = new Json();
        if (syscalls >= 0 && unavailable == null)
        {
            json.put("count", syscalls).put("messages", messages);
        }
        else
        {
            json.put("unavailable", unavailable == null ? "the accounting window did not run" : unavailable);
        }
        return json;
    }

    @Override
    public void close()
    {
        if (counter != null)
        {
            counter.close();
            counter = null;
        }
    }
}
