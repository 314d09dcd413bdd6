package io.ipcbench.harness.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest
{
    @Test
    void shouldJoinPlainFieldsWithCommasAndEndWithNewline()
    {
        assertEquals("run,uds,64,1.5\n", Csv.row(List.of("run", "uds", 64, 1.5)));
        assertEquals("\n", Csv.row(List.of()));
    }

    @Test
    void shouldQuoteFieldWithComma()
    {
        assertEquals("\"uds, kernel\"", Csv.field("uds, kernel"));
    }

    @Test
    void shouldQuoteFieldWithQuoteAndDoubleIt()
    {
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"\"\"\"", Csv.field("\""));
    }

    @Test
    void shouldQuoteFieldWithNewline()
    {
        assertEquals("\"line 1\nline 2\"", Csv.field("line 1\nline 2"));
    }

    @Test
    void shouldLeaveOtherFieldsUnquoted()
    {
        assertEquals("agrona spin b1", Csv.field("agrona spin b1"));
        assertEquals("rtt_p99.9", Csv.field("rtt_p99.9"));
        assertEquals("", Csv.field(""));
    }

    @Test
    void shouldWriteNullAsEmptyField()
    {
        assertEquals("a,,b\n", Csv.row(Arrays.asList("a", null, "b")));
    }

    @Test
    void shouldQuoteWithinRow()
    {
        assertEquals("x,\"a,b\",\"c\"\"d\",\"e\nf\",3\n", Csv.row(List.of("x", "a,b", "c\"d", "e\nf", 3.0)));
    }

    @Test
    void shouldFormatDoublesAsNumbersButOtherTypesAsText()
    {
        assertEquals("2", Csv.field(2.0));
        assertEquals("2.0", Csv.field(2.0f), "only Double is formatted as a number");
        assertEquals("9007199254740993", Csv.field(9_007_199_254_740_993L));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "3, 3",
        "-2, -2",
        "1234567, 1234567",
        "100000000000000, 100000000000000",
        "1.5, 1.5",
        "-2.5, -2.5",
        "0.1, 0.1",
        "100.5, 100.5",
        "10.0001, 10.0001",
        "123456.7, 123457",
        "0.6666666666666666, 0.666667",
        "0.000123, 0.000123",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "1.5e-7, 1.5e-07",
        "1.23456789e-9, 1.23457e-09",
        "1e15, 1e+15",
        "1234567.5, 1.23457e+06",
    })
    void shouldFormatNumbersInShortestPlainForm(final double value, final String text)
    {
        assertEquals(text, Csv.number(value));
    }

    @Test
    void shouldFormatNegativeZeroAsZero()
    {
        assertEquals("0", Csv.number(-0.0));
    }

    @Test
    void shouldWriteNonFiniteAsEmpty()
    {
        assertEquals("", Csv.number(Double.NaN));
        assertEquals("", Csv.number(Double.POSITIVE_INFINITY));
        assertEquals("", Csv.number(Double.NEGATIVE_INFINITY));
    }
}
