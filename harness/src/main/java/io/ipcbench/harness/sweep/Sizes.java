package io.ipcbench.harness.sweep;

import io.ipcbench.transport.message.MessageHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Message sizes as users type them ({@code 0,64,4k,64k,1m}: k and m are powers of 1024) and as reports print them. */
public final class Sizes
{
    private Sizes()
    {
    }

    /** Parses a comma-separated list; sorted ascending, duplicates removed. */
    public static List<Integer> parseList(final String text, final String option)
    {
        if (text == null || text.trim().isEmpty())
        {
            throw new IllegalArgumentException(option + " must list at least one size, e.g. " + option + " 0,64,4k,64k,1m");
        }
        final TreeSet<Integer> sizes = new TreeSet<>();
        for (final String item : text.split(",", -1))
        {
            sizes.add(parse(item, option));
        }
        return new ArrayList<>(sizes);
    }

    /** Parses one message size: a whole number of bytes with an optional unit b, k/kb/kib, m/mb/mib, g/gb/gib. */
    public static int parse(final String item, final String option)
    {
        return (int)parseBytes(item, option, MessageHeader.MAX_PAYLOAD);
    }

    /** Parses an amount of bytes, as {@link #parse}, up to {@code limit}. */
    public static long parseBytes(final String item, final String option, final long limit)
    {
        final String text = item.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty())
        {
            throw new IllegalArgumentException(option + " has an empty size (two commas in a row, or a trailing comma)");
        }
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end)))
        {
            end++;
        }
        if (end == 0)
        {
            throw new IllegalArgumentException(option + " '" + item.trim() + "' is not a whole number of bytes" +
                (text.startsWith("-") ? " (sizes cannot be negative)" : "") + "; use e.g. 512, 4k, 1m");
        }
        final long multiplier;
        switch (text.substring(end).trim())
        {
            case "":
            case "b":
                multiplier = 1;
                break;
            case "k":
            case "kb":
            case "kib":
                multiplier = 1L << 10;
                break;
            case "m":
            case "mb":
            case "mib":
                multiplier = 1L << 20;
                break;
            case "g":
            case "gb":
            case "gib":
                multiplier = 1L << 30;
                break;
            default:
                throw new IllegalArgumentException(option + " '" + item.trim() + "' has an unknown unit '" +
                    text.substring(end).trim() + "' (known: b, k, m, g; k = 1024)");
        }
        final long bytes;
        try
        {
            bytes = Math.multiplyExact(Long.parseLong(text.substring(0, end)), multiplier);
        }
        catch (final NumberFormatException | ArithmeticException ex)
        {
            throw new IllegalArgumentException(option + " '" + item.trim() + "' is too large: the limit is " +
                format(limit) + " (" + limit + " bytes)");
        }
        if (bytes > limit)
        {
            throw new IllegalArgumentException(option + " '" + item.trim() + "' = " + bytes + " bytes is above the limit of " +
                format(limit) + " (" + limit + " bytes)");
        }
        return bytes;
    }

    /** {@code 8 B}, {@code 4 KiB}, {@code 1.5 KiB}, {@code 1 MiB}. */
    public static String format(final long bytes)
    {
        if (bytes < 1024)
        {
            return bytes + " B";
        }
        if (bytes < 1L << 20)
        {
            return trim(bytes / 1024.0) + " KiB";
        }
        if (bytes < 1L << 30)
        {
            return trim(bytes / (double)(1L << 20)) + " MiB";
        }
        return trim(bytes / (double)(1L << 30)) + " GiB";
    }

    /** A size as {@code --sizes} takes it: {@code 64}, {@code 4k}, {@code 1m}; {@link #parse} reads it back. */
    public static String option(final long bytes)
    {
        if (bytes > 0 && bytes % (1024 * 1024) == 0)
        {
            return bytes / (1024 * 1024) + "m";
        }
        if (bytes > 0 && bytes % 1024 == 0)
        {
            return bytes / 1024 + "k";
        }
        return Long.toString(bytes);
    }

    /** Like {@link #format} for an interpolated, fractional size. */
    public static String formatApprox(final double bytes)
    {
        if (bytes < 1024)
        {
            return Math.round(bytes) + " B";
        }
        return format(Math.round(bytes));
    }

    private static String trim(final double value)
    {
        if (value == Math.rint(value))
        {
            return Long.toString((long)value);
        }
        final String text = String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
        // strip zeros of the fraction only: "100" (from 100.4) must stay "100", not become "1"
        return text.indexOf('.') < 0 ? text : text.replaceAll("\\.?0+$", "");
    }
}
