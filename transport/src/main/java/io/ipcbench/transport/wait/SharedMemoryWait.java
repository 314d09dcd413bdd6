package io.ipcbench.transport.wait;

import org.agrona.concurrent.IdleStrategy;

import java.util.function.BooleanSupplier;

/**
 * Waits until a poll of shared memory succeeds: by polling with an idle strategy between empty
 * polls, or, for {@link WaitStrategy#FUTEX}, by sleeping on a doorbell that the other side rings.
 * The poll is a {@link BooleanSupplier} made once by the caller, so a wait allocates nothing.
 */
public final class SharedMemoryWait
{
    private final IdleStrategy idle;
    private final FutexDoorbell doorbell;

    private SharedMemoryWait(final IdleStrategy idle, final FutexDoorbell doorbell)
    {
        this.idle = idle;
        this.doorbell = doorbell;
    }

    /** @param doorbell the doorbell this end sleeps on; used only when {@code strategy} is FUTEX. */
    public static SharedMemoryWait of(final WaitStrategy strategy, final FutexDoorbell doorbell)
    {
        if (strategy == WaitStrategy.FUTEX)
        {
            return new SharedMemoryWait(null, doorbell);
        }
        return new SharedMemoryWait(Waiting.idleStrategy(strategy), null);
    }

    public void until(final BooleanSupplier poll)
    {
        if (poll.getAsBoolean())
        {
            return;
        }
        if (doorbell != null)
        {
            while (true)
            {
                final int epoch = doorbell.prepareToWait();
                if (poll.getAsBoolean())
                {
                    doorbell.cancelWait();
                    return;
                }
                final boolean woken = doorbell.await(epoch);
                if (poll.getAsBoolean())
                {
                    if (!woken)
                    {
                        doorbell.lostWakeup();
                    }
                    return;
                }
            }
        }
        idle.reset();
        while (!poll.getAsBoolean())
        {
            idle.idle();
        }
    }
}
