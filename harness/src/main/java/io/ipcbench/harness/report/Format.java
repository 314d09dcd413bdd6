package io.ipcbench.harness.report;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.stats.Spread;

import java.util.Locale;

/** How figures read on a terminal: latencies in microseconds, rates with three significant digits. */
public final class Format
{
    private Format()
    {
    }

    /** A value in a metric's natural display unit, without the unit. */
    public static String value(final Metric metric, final double value)
    {
        return latency(metric) ? micros(value) : significant(value);
    }

    /** Latency figures are kept in ns and shown in microseconds. */
    public static boolean latency(final Metric metric)
    {
        return metric.name().startsWith("RTT") || metric.name().startsWith("OWL");
    }

    /** The display unit for {@link #value}. */
    public static String unit(final Metric metric)
    {
        return latency(metric) ? "us" : metric.unit();
    }

    public static String spread(final Metric metric, final Spread spread)
    {
        if (spread.count() == 1)
        {
            return value(metric, spread.median());
        }
        return value(metric, spread.median()) + " [" + value(metric, spread.min()) + "-" + value(metric, spread.max()) + "]";
    }

    public static String micros(final double ns)
    {
        final double us = ns / 1000.0;
        if (us < 10)
        {
            return String.format(Locale.ROOT, "%.2f", us);
        }
        if (us < 100)
        {
            return String.format(Locale.ROOT, "%.1f", us);
        }
        return String.format(Locale.ROOT, "%.0f", us);
    }

    public static String significant(final double value)
    {
        final double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value) && magnitude < 1e15)
        {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10)
        {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1)
        {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    public static String duration(final long ns)
    {
        final long seconds = Math.round(ns / 1e9);
        if (seconds < 60)
        {
            return seconds + "s";
        }
        if (seconds < 3600)
        {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds % 3600 / 60) + "m";
    }

    /**
     * A break-even sentence without the metric it ends with, {@code [round trip p50]}, for a list
     * under a heading that names the metric already. The bracket is taken as it stands, so a run
     * written when the metric was described in other words loses it too.
     */
    public static String withoutMetric(final String text)
    {
        final int at = text.lastIndexOf(" [");
        return text.endsWith("]") && at > 0 ? text.substring(0, at) : text;
    }
}
