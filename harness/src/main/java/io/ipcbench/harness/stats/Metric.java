package io.ipcbench.harness.stats;

import io.ipcbench.transport.control.Mode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every figure a point can have, with its unit, which way is better, and the modes it belongs to.
 * Names are the {@code metric} column of points.csv and the keys in run.json.
 */
public enum Metric
{
    RTT_P50("rtt_p50", "ns", false, "round trip p50", EnumSet.of(Mode.PINGPONG)),
    RTT_P90("rtt_p90", "ns", false, "round trip p90", EnumSet.of(Mode.PINGPONG)),
    RTT_P99("rtt_p99", "ns", false, "round trip p99", EnumSet.of(Mode.PINGPONG)),
    RTT_P999("rtt_p99.9", "ns", false, "round trip p99.9", EnumSet.of(Mode.PINGPONG)),
    RTT_MAX("rtt_max", "ns", false, "round trip max", EnumSet.of(Mode.PINGPONG)),
    RTT_MEAN("rtt_mean", "ns", false, "round trip mean", EnumSet.of(Mode.PINGPONG)),
    ROUND_TRIPS_PER_S("round_trips_per_s", "1/s", true, "round trips per second", EnumSet.of(Mode.PINGPONG)),

    MSGS_PER_S("msgs_per_s", "msg/s", true, "message rate", EnumSet.of(Mode.STREAM)),
    MB_PER_S("mb_per_s", "MB/s", true, "throughput (payload MB/s, 1 MB = 10^6 B)", EnumSet.of(Mode.STREAM)),

    OWL_P50("owl_p50", "ns", false, "one-way latency p50", EnumSet.of(Mode.RATE)),
    OWL_P90("owl_p90", "ns", false, "one-way latency p90", EnumSet.of(Mode.RATE)),
    OWL_P99("owl_p99", "ns", false, "one-way latency p99", EnumSet.of(Mode.RATE)),
    OWL_P999("owl_p99.9", "ns", false, "one-way latency p99.9", EnumSet.of(Mode.RATE)),
    OWL_P9999("owl_p99.99", "ns", false, "one-way latency p99.99", EnumSet.of(Mode.RATE)),
    OWL_MAX("owl_max", "ns", false, "one-way latency max", EnumSet.of(Mode.RATE)),
    ACHIEVED_RATE("achieved_rate", "msg/s", true, "achieved send rate", EnumSet.of(Mode.RATE)),

    PRODUCER_USER_NS("producer_user_ns_per_msg", "ns", false, "producer user CPU per message", EnumSet.allOf(Mode.class)),
    PRODUCER_SYS_NS("producer_sys_ns_per_msg", "ns", false, "producer system CPU per message", EnumSet.allOf(Mode.class)),
    PRODUCER_VCSW("producer_vcsw_per_msg", "1", false, "producer voluntary context switches per message", EnumSet.allOf(Mode.class)),
    PRODUCER_IVCSW("producer_ivcsw_per_msg", "1", false, "producer involuntary context switches per message", EnumSet.allOf(Mode.class)),
    PRODUCER_CPU("producer_cpu_util", "cores", false, "producer measuring thread CPU use (1 = a whole core)", EnumSet.allOf(Mode.class)),
    PRODUCER_SYSCALLS("producer_syscalls_per_msg", "1", false, "producer system calls per message", EnumSet.allOf(Mode.class)),
    PRODUCER_FAULTS("producer_faults_per_msg", "1", false, "producer page faults per message", EnumSet.allOf(Mode.class)),
    CONSUMER_USER_NS("consumer_user_ns_per_msg", "ns", false, "consumer user CPU per message", EnumSet.allOf(Mode.class)),
    CONSUMER_SYS_NS("consumer_sys_ns_per_msg", "ns", false, "consumer system CPU per message", EnumSet.allOf(Mode.class)),
    CONSUMER_VCSW("consumer_vcsw_per_msg", "1", false, "consumer voluntary context switches per message", EnumSet.allOf(Mode.class)),
    CONSUMER_IVCSW("consumer_ivcsw_per_msg", "1", false, "consumer involuntary context switches per message", EnumSet.allOf(Mode.class)),
    CONSUMER_CPU("consumer_cpu_util", "cores", false, "consumer measuring thread CPU use (1 = a whole core)", EnumSet.allOf(Mode.class)),
    CONSUMER_SYSCALLS("consumer_syscalls_per_msg", "1", false, "consumer system calls per message", EnumSet.allOf(Mode.class)),
    CONSUMER_FAULTS("consumer_faults_per_msg", "1", false, "consumer page faults per message", EnumSet.allOf(Mode.class));

    private final String key;
    private final String unit;
    private final boolean higherIsBetter;
    private final String description;
    private final Set<Mode> modes;

    Metric(final String key, final String unit, final boolean higherIsBetter, final String description, final Set<Mode> modes)
    {
        this.key = key;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.description = description;
        this.modes = modes;
    }

    public String key()
    {
        return key;
    }

    public String unit()
    {
        return unit;
    }

    public boolean higherIsBetter()
    {
        return higherIsBetter;
    }

    public String description()
    {
        return description;
    }

    public boolean appliesTo(final Mode mode)
    {
        return modes.contains(mode);
    }

    /** The figure the terminal table and the break-even use for a mode. */
    /**
     * The figure that stands for {@code metric} at a payload of {@code payloadBytes}: empty messages
     * carry 0 MB/s on every transport, so at 0 B throughput is told in messages per second.
     */
    public static Metric atSize(final Metric metric, final int payloadBytes)
    {
        return payloadBytes == 0 && metric == MB_PER_S ? MSGS_PER_S : metric;
    }

    public static Metric headline(final Mode mode)
    {
        switch (mode)
        {
            case PINGPONG:
                return RTT_P50;
            case STREAM:
                return MB_PER_S;
            default:
                return OWL_P50;
        }
    }

    public static Metric fromKey(final String key)
    {
        for (final Metric metric : values())
        {
            if (metric.key.equals(key.toLowerCase(Locale.ROOT)))
            {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric: " + key);
    }

    public static List<Metric> forMode(final Mode mode)
    {
        final List<Metric> metrics = new ArrayList<>();
        for (final Metric metric : values())
        {
            if (metric.appliesTo(mode))
            {
                metrics.add(metric);
            }
        }
        return metrics;
    }
}
