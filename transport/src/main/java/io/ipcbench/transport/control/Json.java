package io.ipcbench.transport.control;

import java.util.Map;

/**
 * A small JSON object writer for the children's result lines: the children stay free of a JSON
 * library (faster start, fewer classes), the harness parses with a real one.
 */
public final class Json
{
    private final StringBuilder text = new StringBuilder(256).append('{');
    private boolean first = true;

    public Json put(final String key, final long value)
    {
        return raw(key, Long.toString(value));
    }

    public Json put(final String key, final double value)
    {
        return raw(key, Double.isFinite(value) ? Double.toString(value) : "null");
    }

    public Json put(final String key, final boolean value)
    {
        return raw(key, Boolean.toString(value));
    }

    public Json put(final String key, final String value)
    {
        return raw(key, value == null ? "null" : quote(value));
    }

    public Json put(final String key, final Json value)
    {
        return raw(key, value.toString());
    }

    public Json put(final String key, final Map<String, String> values)
    {
        final Json object = new Json();
        values.forEach(object::put);
        return put(key, object);
    }

    private Json raw(final String key, final String value)
    {
        if (!first)
        {
            text.append(',');
        }
        first = false;
        text.append(quote(key)).append(':').append(value);
        return this;
    }

    public static String quote(final String value)
    {
        final StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"':
                    quoted.append("\\\"");
                    break;
                case '\\':
                    quoted.append("\\\\");
                    break;
                case '\n':
                    quoted.append("\\n");
                    break;
                case '\r':
                    quoted.append("\\r");
                    break;
                case '\t':
                    quoted.append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        quoted.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        quoted.append(c);
                    }
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public String toString()
    {
        return text + "}";
    }
}
