package io.ipcbench.harness.cli;

import java.math.BigDecimal;
import java.util.Locale;

/** Durations ({@code 500ms}, {@code 2s}) and counts ({@code 100k}, {@code 1m} = 10^6) as users type them. */
public final class Units
{
    private Units()
    {
    }

    /** Units a duration may end in, longest first so that "ms" is not read as "m" + "s". */
    private static final String[] DURATION_UNITS = {"ns", "us", "ms", "s", "m"};
    private static final long[] DURATION_FACTORS = {1L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L};

    public static long durationNs(final String text, final String option)
    {
        final String value = text.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < DURATION_UNITS.length; i++)
        {
            final String unit = DURATION_UNITS[i];
            if (value.endsWith(unit) && Character.isDigit(value.charAt(Math.max(0, value.length() - unit.length() - 1))))
            {
                final double number = number(value.substring(0, value.length() - unit.length()), text, option,
                    "a duration such as 500ms, 2s or 1m");
                return Math.round(number * DURATION_FACTORS[i]);
            }
        }
        throw new IllegalArgumentException(option + " '" + text + "' is not a duration: give a number and a unit, " +
            "ns, us, ms, s or m (e.g. 500ms, 2s)");
    }

    /** A duration in the largest unit that shows it whole: 0s, 1ms, 500ms, 2s, 10m. */
    public static String formatDuration(final long ns)
    {
        if (ns == 0)
        {
            return "0s";
        }
        for (int i = DURATION_UNITS.length - 1; i >= 0; i--)
        {
            if (ns % DURATION_FACTORS[i] == 0)
            {
                return ns / DURATION_FACTORS[i] + DURATION_UNITS[i];
            }
        }
        return ns + "ns";
    }

    /** A count with an optional decimal suffix: k = 10^3, m = 10^6, g = 10^9. */
    public static long count(final String text, final String option)
    {
        final String value = text.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        String digits = value;
        if (value.endsWith("k"))
        {
            factor = 1_000L;
            digits = value.substring(0, value.length() - 1);
        }
        else if (value.endsWith("m"))
        {
            factor = 1_000_000L;
            digits = value.substring(0, value.length() - 1);
        }
        else if (value.endsWith("g"))
        {
            factor = 1_000_000_000L;
            digits = value.substring(0, value.length() - 1);
        }
        number(digits, text, option, "a whole number such as 5000, 100k or 1m");
        // exact decimal arithmetic: a double would round counts above 2^53
        final BigDecimal result = new BigDecimal(digits).multiply(BigDecimal.valueOf(factor));
        if (result.stripTrailingZeros().scale() > 0 || result.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0)
        {
            throw new IllegalArgumentException(option + " '" + text + "' must be a whole number no larger than " + Long.MAX_VALUE / 2);
        }
        return result.longValueExact();
    }

    private static double number(final String digits, final String text, final String option, final String example)
    {
        try
        {
            final double number = Double.parseDouble(digits);
            if (!Double.isFinite(number) || digits.trim().isEmpty() || !digits.matches("[0-9.]+"))
            {
                throw new NumberFormatException(digits);
            }
            return number;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(option + " '" + text + "' is not " + example +
                (text.trim().startsWith("-") ? " (it cannot be negative)" : ""));
        }
    }
}
