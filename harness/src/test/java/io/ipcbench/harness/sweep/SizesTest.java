package io.ipcbench.harness.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SizesTest
{
    private static final String OPTION = "--sizes";

    @ParameterizedTest
    @CsvSource({"0, 0", "64, 64", "1000, 1000", "4096, 4k", "1536, 1536", "1048576, 1m", "3145728, 3m", "1049600, 1025k"})
    void shouldWriteSizesAsTheOptionTakesThem(final int bytes, final String text)
    {
        assertEquals(text, Sizes.option(bytes));
        assertEquals(bytes, Sizes.parse(Sizes.option(bytes), OPTION));
    }

    @Test
    void shouldParseTypicalList()
    {
        assertEquals(List.of(0, 64, 4096, 65536, 1048576), Sizes.parseList("0,64,4k,64k,1m", OPTION));
    }

    @ParameterizedTest
    @CsvSource({
        "7, 7",
        "7b, 7",
        "1k, 1024",
        "1kb, 1024",
        "1kib, 1024",
        "3m, 3145728",
        "3mb, 3145728",
        "3mib, 3145728",
        "1g, 1073741824",
        "1gb, 1073741824",
        "1gib, 1073741824",
        "4K, 4096",
        "4KiB, 4096",
        "'  4 k ', 4096",
        "0k, 0",
        "1024m, 1073741824",
    })
    void shouldParseUnits(final String text, final int bytes)
    {
        assertEquals(bytes, Sizes.parse(text, OPTION));
    }

    @Test
    void shouldSortAndRemoveDuplicates()
    {
        assertEquals(List.of(0, 64, 1024, 4096), Sizes.parseList("4k, 64,1k,0,4096,64,1024", OPTION));
    }

    @Test
    void shouldRejectEmptyList()
    {
        final String expected = "--sizes must list at least one size, e.g. --sizes 0,64,4k,64k,1m";
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Sizes.parseList("", OPTION)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Sizes.parseList("  ", OPTION)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Sizes.parseList(null, OPTION)).getMessage());
    }

    @Test
    void shouldRejectEmptyItem()
    {
        final String expected = "--sizes has an empty size (two commas in a row, or a trailing comma)";
        assertMessage(expected, "1,,2");
        assertMessage(expected, "1,2,");
        assertMessage(expected, ",1");
    }

    @Test
    void shouldRejectNegativeSize()
    {
        assertMessage("--sizes '-5' is not a whole number of bytes (sizes cannot be negative); use e.g. 512, 4k, 1m", "64,-5");
    }

    @Test
    void shouldRejectUnknownUnit()
    {
        assertMessage("--sizes '4q' has an unknown unit 'q' (known: b, k, m, g; k = 1024)", "4q");
    }

    @Test
    void shouldRejectSizeAboveOneGibibyte()
    {
        assertMessage("--sizes '2g' = 2147483648 bytes is above the limit of 1 GiB (1073741824 bytes)", "2g");
        assertMessage("--sizes '1073741825' = 1073741825 bytes is above the limit of 1 GiB (1073741824 bytes)", "1073741825");
    }

    @Test
    void shouldRejectSizeBeyondLongRange()
    {
        assertMessage("--sizes '99999999999999999999' is too large: the limit is 1 GiB (1073741824 bytes)",
            "99999999999999999999");
        assertMessage("--sizes '9999999999999g' is too large: the limit is 1 GiB (1073741824 bytes)", "9999999999999g");
    }

    @Test
    void shouldRejectMalformedSize()
    {
        assertMessage("--sizes 'abc' is not a whole number of bytes; use e.g. 512, 4k, 1m", "abc");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0 B",
        "8, 8 B",
        "1023, 1023 B",
        "1024, 1 KiB",
        "1536, 1.5 KiB",
        "4096, 4 KiB",
        "1100, 1.07 KiB",
        "10752, 10.5 KiB",
        "65536, 64 KiB",
        "102810, 100 KiB",
        "112640, 110 KiB",
        "113050, 110 KiB",
        "1048576, 1 MiB",
        "1572864, 1.5 MiB",
        "209715200, 200 MiB",
        "210000000, 200 MiB",
        "1073741824, 1 GiB",
    })
    void shouldFormatSizes(final long bytes, final String text)
    {
        assertEquals(text, Sizes.format(bytes));
    }

    @Test
    void shouldFormatApproximateSizes()
    {
        assertEquals("1000 B", Sizes.formatApprox(1000.4));
        assertEquals("1.5 KiB", Sizes.formatApprox(1536.2));
        assertEquals("100 KiB", Sizes.formatApprox(102_810.3));
    }

    private static void assertMessage(final String expected, final String list)
    {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Sizes.parseList(list, OPTION)).getMessage());
    }
}
