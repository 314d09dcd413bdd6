package io.ipcbench.harness.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Escaping for text and attributes, and JSON that can sit inside a {@code <script>} element. */
public final class Html
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private Html()
    {
    }

    /** Text safe in element content and in quoted attribute values. */
    public static String escape(final Object value)
    {
        final String text = String.valueOf(value);
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON for a {@code <script type="application/json">} block. '<' only occurs inside JSON
     * strings, where {@code \u003c} means the same, so no {@code </script>} or {@code <!--} a run's
     * text may contain (a failure message, a command line) can end or bend the element.
     */
    public static String scriptJson(final JsonNode node)
    {
        try
        {
            return JSON.writeValueAsString(node)
                .replace("<", "\\u003c")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("chart data cannot be written as JSON: " + ex.getMessage(), ex);
        }
    }
}
