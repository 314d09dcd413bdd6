package io.ipcbench.harness.env;

import io.ipcbench.transport.os.SyscallCounter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Whether {@code perf stat -e raw_syscalls:sys_enter} counts on this machine, and if not, why. */
public final class PerfProbe
{
    private PerfProbe()
    {
    }

    /** @return null when perf counts system calls here, else the reason it cannot. */
    public static String unavailableReason()
    {
        final Process perf;
        try
        {
            perf = new ProcessBuilder(List.of("perf", "stat", "-x", ",", "-e", SyscallCounter.EVENT, "true"))
                .redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            return "perf is not installed (" + ex.getMessage() + ")";
        }
        try
        {
            final String output = new String(perf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!perf.waitFor(10, TimeUnit.SECONDS))
            {
                perf.destroyForcibly();
                return "perf stat did not finish";
            }
            for (final String line : output.split("\n"))
            {
                final String[] fields = line.split(",");
                if (fields.length > 2 && fields[2].startsWith(SyscallCounter.EVENT) && fields[0].trim().matches("\\d+"))
                {
                    return null;
                }
            }
            return "perf stat cannot count " + SyscallCounter.EVENT + ": " + output.trim().replace('\n', ' ');
        }
        catch (final IOException ex)
        {
            return "perf stat failed: " + ex.getMessage();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
