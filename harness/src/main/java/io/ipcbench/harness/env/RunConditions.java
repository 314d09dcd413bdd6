package io.ipcbench.harness.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The conditions a run starts under that bear on its figures, read at the start and recorded in
 * run.json, with a warning for each that may disturb them.
 */
public final class RunConditions
{
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private RunConditions()
    {
    }

    public static RunConditions read(final Map<String, Object> environment)
    {
        final RunConditions conditions = new RunConditions();
        final double nanoTimeNs = nanoTimeCost();
        conditions.values.put("nanotime_cost_ns", nanoTimeNs);
        if (nanoTimeNs > 100)
        {
            conditions.warnings.add(String.format(Locale.ROOT,
                "System.nanoTime costs %.0f ns here (clock source %s): short latencies carry that much of it", nanoTimeNs,
                environment.get("clock_source")));
        }
        final Object clock = environment.get("clock_source");
        if (clock != null && !"tsc".equals(clock) && !Environment.UNAVAILABLE.equals(clock))
        {
            conditions.warnings.add("clock source is " + clock + ", not tsc: clock reads are slow and may be coarse");
        }
        final Object governor = environment.get("frequency_governor");
        if (governor != null && !Environment.UNAVAILABLE.equals(governor) && !"performance".equals(governor))
        {
            conditions.warnings.add("CPU frequency governor is " + governor + ", not performance: clock speed may change under the sweep");
        }
        final String load = String.valueOf(environment.get("load_average_at_start"));
        try
        {
            final double oneMinute = Double.parseDouble(load.split(" ")[0]);
            conditions.values.put("load_average_1m", oneMinute);
            final int cpus = cpus(environment);
            if (busy(oneMinute, cpus))
            {
                conditions.warnings.add(String.format(Locale.ROOT,
                    "load average is %.2f on %d CPUs at the start: something else is running and will disturb the figures", oneMinute, cpus));
            }
        }
        catch (final NumberFormatException ex)
        {
            conditions.values.put("load_average_1m", Environment.UNAVAILABLE);
        }
        if ("yes".equals(environment.get("hypervisor")))
        {
            conditions.warnings.add("running in a virtual machine: vCPUs may move between physical cores, so cross-CPU " +
                "latencies vary between repetitions; quote the spread");
        }
        return conditions;
    }

    /**
     * Whether a 1-minute load average says other work is running: at least one CPU's worth and at
     * least half the CPUs. The average decays over minutes, so it still holds a few tenths from
     * whatever just finished, the launcher's build or the harness's own JVM start among them; a
     * lower bar (it was 0.5 on any machine) warned on nearly every run of a 2-CPU machine. One
     * runnable task on average is what it takes to contend with the two measuring threads there,
     * and on a larger machine less than half of it busy leaves the pair CPUs to itself more often
     * than not.
     */
    static boolean busy(final double oneMinute, final int cpus)
    {
        return oneMinute >= Math.max(1.0, cpus / 2.0);
    }

    /**
     * CPUs the load average is shared by: those online (the average counts the whole system's
     * runnable tasks), else those the JVM may use.
     */
    static int cpus(final Map<String, Object> environment)
    {
        final Object online = environment.get("cpus_online");
        if (online instanceof String)
        {
            try
            {
                int count = 0;
                for (final String part : ((String)online).trim().split(","))
                {
                    final String[] bounds = part.split("-");
                    final int low = Integer.parseInt(bounds[0].trim());
                    count += (bounds.length == 1 ? low : Integer.parseInt(bounds[1].trim())) - low + 1;
                }
                if (count > 0)
                {
                    return count;
                }
            }
            catch (final NumberFormatException ex)
            {
                // unavailable: fall back to the JVM's count
            }
        }
        final Object available = environment.get("cpus_available_to_jvm");
        return available instanceof Number ? ((Number)available).intValue() : Runtime.getRuntime().availableProcessors();
    }

    /** Median cost of one System.nanoTime call, from a short loop. */
    static double nanoTimeCost()
    {
        final int calls = 200_000;
        final double[] samples = new double[7];
        long sink = 0;
        for (int s = 0; s < samples.length; s++)
        {
            final long start = System.nanoTime();
            for (int i = 0; i < calls; i++)
            {
                sink += System.nanoTime();
            }
            samples[s] = (System.nanoTime() - start) / (double)calls;
        }
        if (sink == 42)
        {
            samples[0] = 0;
        }
        java.util.Arrays.sort(samples);
        return samples[samples.length / 2];
    }

    public void add(final String key, final Object value)
    {
        values.put(key, value);
    }

    public void warn(final String warning)
    {
        warnings.add(warning);
    }

    public Map<String, Object> values()
    {
        final Map<String, Object> all = new LinkedHashMap<>(values);
        all.put("warnings", warnings);
        return all;
    }

    public List<String> warnings()
    {
        return warnings;
    }
}
