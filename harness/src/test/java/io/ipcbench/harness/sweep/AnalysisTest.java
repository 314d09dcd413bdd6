package io.ipcbench.harness.sweep;

import io.ipcbench.harness.stats.BreakEven;
import io.ipcbench.harness.stats.Metric;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AnalysisTest
{
    @Test
    void shouldLeaveEmptyMessagesOutOfStreamRatiosWhereEveryTransportCarriesZeroBytes()
    {
        final List<PointRecord> records = new ArrayList<>();
        for (final int size : new int[] {0, 64, 4096})
        {
            records.add(stream(TransportKind.UDS, WaitStrategy.KERNEL, size, 300_000));
            records.add(stream(TransportKind.AGRONA, WaitStrategy.SPIN, size, 4_000_000));
        }

        final List<Analysis.ModeFindings> all = Analysis.breakEven(records);

        assertEquals(1, all.size());
        final List<BreakEven.Finding> findings = all.get(0).findings();
        assertEquals(1, findings.size());
        final String text = findings.get(0).text();
        assertEquals(BreakEven.Kind.NO_CROSSOVER, findings.get(0).kind());
        assertFalse(text.contains("NaN"), text);
        assertEquals("uds vs agrona/spin: no crossover between 64 B and 4 KiB: agrona/spin is better at every size, by 13x to 13x", text);
    }

    private static PointRecord stream(final TransportKind transport, final WaitStrategy wait, final int size, final double messagesPerSecond)
    {
        final PointRecord record = new PointRecord(new PointKey(transport, wait, 1, Mode.STREAM, size));
        for (int repetition = 1; repetition <= 3; repetition++)
        {
            final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
            metrics.put(Metric.MSGS_PER_S, messagesPerSecond * (0.99 + 0.01 * repetition));
            metrics.put(Metric.MB_PER_S, messagesPerSecond * (0.99 + 0.01 * repetition) * size / 1e6);
            record.add(RepResult.success(record.key(), repetition, metrics, null, null, null, 0));
        }
        return record;
    }
}
