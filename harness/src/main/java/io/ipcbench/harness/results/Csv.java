package io.ipcbench.harness.results;

import java.util.List;
import java.util.Locale;

/** RFC 4180 rows: fields with a comma, quote or newline are quoted, quotes doubled. */
public final class Csv
{
    private Csv()
    {
    }

    public static String row(final List<?> fields)
    {
        final StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++)
        {
            if (i > 0)
            {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append('\n').toString();
    }

    static String field(final Object value)
    {
        if (value == null)
        {
            return "";
        }
        final String text = value instanceof Double ? number((Double)value) : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0)
        {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** Shortest plain form: integers without a fraction, others with up to 6 significant digits. */
    public static String number(final double value)
    {
        if (!Double.isFinite(value))
        {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }
}
