package io.ipcbench.transport.control;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTest
{
    @Test
    void shouldWriteEmptyObject()
    {
        assertEquals("{}", new Json().toString());
    }

    @Test
    void shouldWriteFieldsInOrder()
    {
        final Json json = new Json()
            .put("messages", 1000L)
            .put("ratio", 1.5)
            .put("ok", true)
            .put("name", "uds")
            .put("nothing", (String)null);

        assertEquals("{\"messages\":1000,\"ratio\":1.5,\"ok\":true,\"name\":\"uds\",\"nothing\":null}", json.toString());
    }

    @Test
    void shouldWriteNonFiniteDoubleAsNull()
    {
        final Json json = new Json()
            .put("nan", Double.NaN)
            .put("inf", Double.POSITIVE_INFINITY)
            .put("neg", Double.NEGATIVE_INFINITY);

        assertEquals("{\"nan\":null,\"inf\":null,\"neg\":null}", json.toString());
    }

    @Test
    void shouldWriteExtremeLongs()
    {
        assertEquals("{\"max\":9223372036854775807,\"min\":-9223372036854775808}",
            new Json().put("max", Long.MAX_VALUE).put("min", Long.MIN_VALUE).toString());
    }

    @Test
    void shouldEscapeQuoteAndBackslash()
    {
        assertEquals("\"say \\\"hi\\\"\"", Json.quote("say \"hi\""));
        assertEquals("\"C:\\\\dir\\\\file\"", Json.quote("C:\\dir\\file"));
    }

    @Test
    void shouldEscapeNewlineReturnAndTab()
    {
        assertEquals("\"a\\nb\\rc\\td\"", Json.quote("a\nb\rc\td"));
    }

    @Test
    void shouldEscapeOtherControlCharactersAsUnicode()
    {
        assertEquals("\"\\u0000\\u0001\\u001f\\u0008\\u000c\"", Json.quote("\u0000\u0001\u001f\b\f"));
    }

    @Test
    void shouldLeaveOtherCharactersAlone()
    {
        assertEquals("\"/ é € \u007f 😀 '\"", Json.quote("/ é € \u007f 😀 '"));
        assertEquals("\"\"", Json.quote(""));
    }

    @Test
    void shouldEscapeKeys()
    {
        assertEquals("{\"a\\\"b\":1}", new Json().put("a\"b", 1L).toString());
    }

    @Test
    void shouldNestObjects()
    {
        final Json thread = new Json().put("user_ns", 10L).put("system_ns", 20L);
        final Json cpu = new Json().put("window_ns", 30L).put("thread", thread).put("empty", new Json());
        final Json result = new Json().put("id", "p1").put("cpu", cpu).put("after", 1L);

        assertEquals("{\"id\":\"p1\",\"cpu\":{\"window_ns\":30,\"thread\":{\"user_ns\":10,\"system_ns\":20},\"empty\":{}},\"after\":1}",
            result.toString());
    }

    @Test
    void shouldWriteMapAsObjectOfStrings()
    {
        final Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ring_capacity", "1048576");
        properties.put("path", "/dev/shm/\"x\"");

        assertEquals("{\"properties\":{\"ring_capacity\":\"1048576\",\"path\":\"/dev/shm/\\\"x\\\"\"}}",
            new Json().put("properties", properties).toString());
    }

    @Test
    void shouldGiveSameTextWhenWrittenTwice()
    {
        final Json json = new Json().put("a", 1L);

        assertEquals(json.toString(), json.toString());
        assertEquals("{\"a\":1,\"b\":2}", json.put("b", 2L).toString());
    }
}
