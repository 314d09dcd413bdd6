package io.ipcbench.harness.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadTest
{
    @Test
    void shouldTakeMiddleValueOfOddCount()
    {
        final Spread spread = new Spread(new double[]{30, 10, 20});

        assertEquals(20, spread.median());
        assertEquals(10, spread.min());
        assertEquals(30, spread.max());
        assertEquals(3, spread.count());
    }

    @Test
    void shouldAverageMiddleValuesOfEvenCount()
    {
        final Spread spread = new Spread(new double[]{4, 1, 10, 2});

        assertEquals(3, spread.median());
        assertEquals(1, spread.min());
        assertEquals(10, spread.max());
        assertEquals(4, spread.count());
    }

    @Test
    void shouldHandleSingleValue()
    {
        final Spread spread = new Spread(new double[]{7.5});

        assertEquals(7.5, spread.median());
        assertEquals(7.5, spread.min());
        assertEquals(7.5, spread.max());
        assertEquals(0, spread.relativeRange());
    }

    @Test
    void shouldGiveRelativeRange()
    {
        assertEquals(0.2, new Spread(new double[]{90, 100, 110}).relativeRange(), 1e-12);
        assertEquals(0.2, new Spread(new double[]{-90, -100, -110}).relativeRange(), 1e-12, "relative to |median|");
        assertEquals(0, new Spread(new double[]{-1, 0, 1}).relativeRange(), "zero median");
    }

    @Test
    void shouldSortValuesAndKeepOwnCopy()
    {
        final double[] input = {3, 1, 2};
        final Spread spread = new Spread(input);
        input[0] = 100;

        assertArrayEquals(new double[]{1, 2, 3}, spread.values());
        spread.values()[0] = -1;
        assertEquals(1, spread.min());
    }

    @Test
    void shouldOverlapWhenRangesShareValues()
    {
        final Spread a = new Spread(new double[]{10, 15, 20});

        assertTrue(a.overlaps(new Spread(new double[]{18, 25, 30})));
        assertTrue(a.overlaps(new Spread(new double[]{12, 14, 16})), "contained");
        assertTrue(a.overlaps(new Spread(new double[]{0, 15, 100})), "containing");
        assertTrue(a.overlaps(a));
    }

    @Test
    void shouldOverlapWhenRangesTouch()
    {
        final Spread a = new Spread(new double[]{10, 15, 20});
        final Spread b = new Spread(new double[]{20, 25, 30});

        assertTrue(a.overlaps(b));
        assertTrue(b.overlaps(a));
    }

    @Test
    void shouldNotOverlapWhenDisjoint()
    {
        final Spread a = new Spread(new double[]{10, 15, 20});
        final Spread b = new Spread(new double[]{20.001, 25, 30});

        assertFalse(a.overlaps(b));
        assertFalse(b.overlaps(a));
    }

    @Test
    void shouldRejectEmptyValues()
    {
        assertEquals("a spread needs at least one value",
            assertThrows(IllegalArgumentException.class, () -> new Spread(new double[0])).getMessage());
    }
}
