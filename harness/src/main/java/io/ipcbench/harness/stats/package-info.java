/**
 * Statistics: a figure across repetitions ({@link io.ipcbench.harness.stats.Spread}: median with min and max),
 * the metric registry, and the break-even rule: a crossover is claimed only between sizes where
 * the repetitions' ranges do not overlap, on log size.
 */
package io.ipcbench.harness.stats;
