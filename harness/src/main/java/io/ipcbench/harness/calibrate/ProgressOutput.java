package io.ipcbench.harness.calibrate;

import io.ipcbench.harness.report.Format;
import io.ipcbench.harness.sweep.Sizes;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

/**
 * JMH's output reduced to one progress line per benchmark and size, with the figure and an
 * estimate of the time left. Everything else JMH and its forks print is kept per benchmark and
 * shown only when that benchmark fails, so that a failure is explained and a success is quiet.
 */
final class ProgressOutput implements OutputFormat
{
    private final PrintWriter out;
    private final int total;
    private final long start = System.nanoTime();
    private final StringBuilder transcript = new StringBuilder();
    private int started;
    private int finished;
    private boolean lineOpen;

    ProgressOutput(final PrintWriter out, final int total)
    {
        this.out = out;
        this.total = total;
    }

    /** What JMH and the current benchmark's fork printed since it started. */
    String transcript()
    {
        return transcript.toString();
    }

    /** {@code copy direct->direct 2 KiB} from {@code ...SizedBenchmarks.copyDirectToDirect} with size 2048. */
    static String describe(final String benchmark, final String size)
    {
        final String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        final String name;
        switch (method)
        {
            case Calibration.SYSCALL:
                name = "system call (getpid)";
                break;
            case Calibration.NANO_TIME:
                name = "System.nanoTime";
                break;
            case Calibration.JNA_CALL:
                name = "JNA call (sched_getcpu)";
                break;
            case Calibration.HEAP_TO_DIRECT:
                name = "copy heap->direct";
                break;
            case Calibration.DIRECT_TO_DIRECT:
                name = "copy direct->direct";
                break;
            case Calibration.CRC32C:
                name = "CRC32C";
                break;
            default:
                name = method;
        }
        return size == null ? name : name + " " + Sizes.format(Long.parseLong(size));
    }

    @Override
    public void startBenchmark(final BenchmarkParams params)
    {
        transcript.setLength(0);
        started++;
        final String width = Integer.toString(Integer.toString(total).length());
        out.printf(Locale.ROOT, "[%" + width + "d/%d] %-28s ", started, total, describe(params.getBenchmark(), params.getParam("size")));
        out.flush();
        lineOpen = true;
    }

    @Override
    public void endBenchmark(final BenchmarkResult result)
    {
        finished++;
        final long elapsed = System.nanoTime() - start;
        final String figure;
        if (result == null || result.getPrimaryResult() == null)
        {
            figure = "no result";
        }
        else
        {
            final Result<?> primary = result.getPrimaryResult();
            figure = Format.significant(primary.getScore()) +
                (Double.isFinite(primary.getScoreError()) ? " ± " + Format.significant(primary.getScoreError()) : "") + " ns";
        }
        final long left = finished < total ? elapsed / finished * (total - finished) : 0;
        out.printf(Locale.ROOT, "%-22s %6s  eta %s%n", figure, Format.duration(elapsed), Format.duration(left));
        out.flush();
        lineOpen = false;
    }

    /** Ends a progress line cut short by a failure, so what follows starts on its own line. */
    void closeLine()
    {
        if (lineOpen)
        {
            out.println("FAILED");
            out.flush();
            lineOpen = false;
        }
    }

    @Override
    public void iteration(final BenchmarkParams benchParams, final IterationParams params, final int iteration)
    {
    }

    @Override
    public void iterationResult(final BenchmarkParams benchParams, final IterationParams params, final int iteration, final IterationResult data)
    {
    }

    @Override
    public void startRun()
    {
    }

    @Override
    public void endRun(final Collection<RunResult> result)
    {
    }

    @Override
    public void print(final String text)
    {
        transcript.append(text);
    }

    @Override
    public void println(final String text)
    {
        transcript.append(text).append('\n');
    }

    @Override
    public void verbosePrintln(final String text)
    {
    }

    @Override
    public void write(final int b)
    {
        transcript.append((char)b);
    }

    @Override
    public void write(final byte[] b)
    {
        transcript.append(new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void flush()
    {
        out.flush();
    }

    @Override
    public void close()
    {
        out.flush();
    }
}
