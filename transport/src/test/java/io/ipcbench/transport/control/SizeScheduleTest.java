package io.ipcbench.transport.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SizeScheduleTest
{
    @Test
    void shouldGiveOneSizeToEveryMessage()
    {
        final SizeSchedule schedule = new SizeSchedule(new int[]{4096});

        assertEquals(4096, schedule.sizeOf(0));
        assertEquals(4096, schedule.sizeOf(1));
        assertEquals(4096, schedule.sizeOf(Long.MAX_VALUE));
    }

    @Test
    void shouldGiveZeroSizeToEveryMessage()
    {
        final SizeSchedule schedule = new SizeSchedule(new int[]{0});

        assertEquals(0, schedule.sizeOf(0));
        assertEquals(0, schedule.sizeOf(12_345));
    }

    @Test
    void shouldRepeatMixInOrder()
    {
        final SizeSchedule schedule = new SizeSchedule(new int[]{0, 64, 4096});

        final int[] expected = {0, 64, 4096, 0, 64, 4096, 0};
        for (int sequence = 0; sequence < expected.length; sequence++)
        {
            assertEquals(expected[sequence], schedule.sizeOf(sequence), "sequence " + sequence);
        }
        assertEquals(64, schedule.sizeOf(3L * Integer.MAX_VALUE + 1), "sequence beyond int range");
        assertEquals(new int[]{0, 64, 4096}[(int)(Long.MAX_VALUE % 3)], schedule.sizeOf(Long.MAX_VALUE));
    }

    @Test
    void shouldCopySizesGiven()
    {
        final int[] sizes = {8, 16};
        final SizeSchedule schedule = new SizeSchedule(sizes);
        sizes[0] = 999;

        assertEquals(8, schedule.sizeOf(0));
        assertEquals(16, schedule.sizeOf(1));
    }
}
