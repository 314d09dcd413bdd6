package io.ipcbench.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnitsTest
{
    @ParameterizedTest
    @CsvSource({
        "500ms, 500000000",
        "2s, 2000000000",
        "100us, 100000",
        "1m, 60000000000",
        "250ns, 250",
        "1.5s, 1500000000",
        "0.5ms, 500000",
        "' 3S ', 3000000000",
        "0s, 0",
    })
    void shouldParseDurations(final String text, final long nanoseconds)
    {
        assertEquals(nanoseconds, Units.durationNs(text, "--duration"));
    }

    @Test
    void shouldRejectDurationWithoutUnit()
    {
        assertDuration("--duration '5' is not a duration: give a number and a unit, ns, us, ms, s or m (e.g. 500ms, 2s)", "5");
    }

    @Test
    void shouldRejectNegativeDuration()
    {
        assertDuration("--duration '-1s' is not a duration such as 500ms, 2s or 1m (it cannot be negative)", "-1s");
    }

    @Test
    void shouldRejectMalformedDuration()
    {
        assertDuration("--duration 'abc' is not a duration: give a number and a unit, ns, us, ms, s or m (e.g. 500ms, 2s)", "abc");
        assertDuration("--duration 'ms' is not a duration: give a number and a unit, ns, us, ms, s or m (e.g. 500ms, 2s)", "ms");
        assertDuration("--duration '1e3s' is not a duration such as 500ms, 2s or 1m", "1e3s");
    }

    @ParameterizedTest
    @CsvSource({
        "100k, 100000",
        "1m, 1000000",
        "42, 42",
        "2g, 2000000000",
        "1.5k, 1500",
        "' 7K ', 7000",
        "0, 0",
        "9007199254740993, 9007199254740993",
        "4611686018427387.903k, 4611686018427387903",
    })
    void shouldParseCounts(final String text, final long count)
    {
        assertEquals(count, Units.count(text, "--messages"));
    }

    @Test
    void shouldRejectNegativeCount()
    {
        assertCount("--messages '-3' is not a whole number such as 5000, 100k or 1m (it cannot be negative)", "-3");
    }

    @Test
    void shouldRejectFractionalCount()
    {
        assertCount("--messages '1.5' must be a whole number no larger than 4611686018427387903", "1.5");
    }

    @Test
    void shouldRejectMalformedCount()
    {
        assertCount("--messages 'x' is not a whole number such as 5000, 100k or 1m", "x");
        assertCount("--messages 'k' is not a whole number such as 5000, 100k or 1m", "k");
    }

    @Test
    void shouldRejectHugeCount()
    {
        assertCount("--messages '99999999999g' must be a whole number no larger than 4611686018427387903", "99999999999g");
    }

    private static void assertDuration(final String expected, final String text)
    {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Units.durationNs(text, "--duration")).getMessage());
    }

    private static void assertCount(final String expected, final String text)
    {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Units.count(text, "--messages")).getMessage());
    }
}
