/**
 * {@code ipcbench recommend}: which transport to use for a message size, read from a finished run.
 *
 * <p>A run measures a handful of sizes; the size asked about usually lies between two of them. Costs
 * of IPC grow roughly as a power of the size (a fixed cost per message plus a copy cost per byte, which
 * looks like a straight line on log-log axes between neighbouring sizes), so each figure is
 * interpolated as log(figure) against log(size), linearly between the two nearest measured sizes of
 * each series. The repetitions' minimum and maximum are interpolated the same way, so two series whose
 * interpolated ranges overlap are reported as not clearly ordered. Nothing is extrapolated: a size
 * outside the measured range is refused, because the slope beyond it (a cache or buffer size crossed,
 * a pipe filling up) is exactly what the run did not see.
 *
 * <p>A recommendation states its price: a reader that busy-spins answers fastest but keeps a whole
 * core busy, which the run measured (consumer_cpu_util, producer_cpu_util) and the output quotes.
 */
package io.ipcbench.harness.recommend;
