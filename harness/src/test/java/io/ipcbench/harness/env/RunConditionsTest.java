package io.ipcbench.harness.env;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The load-average warning: at least one CPU's worth of other work and at least half the online CPUs. */
class RunConditionsTest
{
    @Test
    void shouldNotWarnOfTheLoadAJustFinishedBuildLeavesOnTwoCpus()
    {
        assertEquals(List.of(), loadWarnings("0.62 0.40 0.30 1/160 1234", "0-1"));
        assertEquals(List.of(), loadWarnings("0.99 0.40 0.30 1/160 1234", "0-1"));
    }

    @Test
    void shouldWarnOfOneCpusWorthOfOtherWorkOnTwoCpus()
    {
        assertEquals(List.of("load average is 1.00 on 2 CPUs at the start: something else is running and will disturb the figures"),
            loadWarnings("1.00 0.40 0.30 1/160 1234", "0-1"));
    }

    @Test
    void shouldWarnAtHalfTheCpusOnALargerMachine()
    {
        assertEquals(List.of(), loadWarnings("31.90 20 10 1/900 1234", "0-63"));
        assertEquals(List.of("load average is 32.00 on 64 CPUs at the start: something else is running and will disturb the figures"),
            loadWarnings("32.00 20 10 1/900 1234", "0-31,32-63"));
    }

    @Test
    void shouldCountTheOnlineCpusElseThoseOfTheJvm()
    {
        assertEquals(4, RunConditions.cpus(Map.of("cpus_online", "0,2-3,5")));
        assertEquals(3, RunConditions.cpus(Map.of("cpus_online", Environment.UNAVAILABLE, "cpus_available_to_jvm", 3)));
    }

    private static List<String> loadWarnings(final String loadAverage, final String online)
    {
        final Map<String, Object> environment = new HashMap<>();
        environment.put("load_average_at_start", loadAverage);
        environment.put("cpus_online", online);
        return RunConditions.read(environment).warnings().stream().filter(w -> w.startsWith("load average"))
            .collect(Collectors.toList());
    }
}
