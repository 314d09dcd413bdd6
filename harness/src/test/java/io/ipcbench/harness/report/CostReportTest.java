package io.ipcbench.harness.report;

import io.ipcbench.harness.stats.Metric;
import io.ipcbench.harness.sweep.PointKey;
import io.ipcbench.harness.sweep.PointRecord;
import io.ipcbench.harness.sweep.RepResult;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.control.Mode;
import io.ipcbench.transport.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CostReportTest
{
    @Test
    void shouldStateWhatSpinningBuysWhenTheRepetitionsAreApart()
    {
        final String answer = answer(new double[] {330, 350, 280}, new double[] {18_200, 17_200, 18_800});

        assertTrue(answer.contains("pingpong: at 8 B, agrona/spin gives 0.33 us (round trip p50) against 18.2 us with futex waits " +
            "(55x better), and keeps 1.90 cores busy against 0.90"), answer);
    }

    @Test
    void shouldNotClaimADifferenceWhoseRepetitionsOverlap()
    {
        final String answer = answer(new double[] {330, 900, 280}, new double[] {800, 400, 700});

        assertTrue(answer.contains("against 0.70 us with futex waits (2.1x better by the medians, within noise: the repetitions " +
            "overlap)"), answer);
    }

    private static String answer(final double[] spinRtt, final double[] futexRtt)
    {
        final PointRecord spin = record(WaitStrategy.SPIN, spinRtt, 0.95);
        final PointRecord futex = record(WaitStrategy.FUTEX, futexRtt, 0.45);
        final StringBuilder out = new StringBuilder();
        CostReport.sharedMemoryAnswer(out, List.of(spin, futex));
        return out.toString();
    }

    private static PointRecord record(final WaitStrategy wait, final double[] rtt, final double cpu)
    {
        final PointRecord record = new PointRecord(new PointKey(TransportKind.AGRONA, wait, 1, Mode.PINGPONG, 8));
        for (int r = 0; r < rtt.length; r++)
        {
            final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
            metrics.put(Metric.RTT_P50, rtt[r]);
            metrics.put(Metric.PRODUCER_CPU, cpu);
            metrics.put(Metric.CONSUMER_CPU, cpu);
            record.add(RepResult.success(record.key(), r + 1, metrics, null, null, null, 0));
        }
        return record;
    }
}
