/**
 * The cost model: every series' latency as a fixed cost plus a cost per byte, the crossovers
 * those lines predict, and sentences that explain a run's break-evens in system calls and copies.
 *
 * <p>Why a line: a message of S bytes pays once for crossing into the kernel or the shared
 * memory, for the system calls and for waking the peer (the fixed cost {@code a}), and pays for
 * every byte it copies and checksums (the per-byte cost {@code b}). Two mechanisms swap places
 * where one's lower fixed cost has been used up by the other's lower per-byte cost:
 * {@code S* = (a2 - a1) / (b1 - b2)}.
 *
 * <p>Why Theil–Sen: the line should follow most of the points, not the one repetition a
 * preemption or a page fault hit. Theil–Sen (the median of the pairwise slopes, then the median
 * intercept) ignores up to 29% of wild points, needs no scale or tuning constant, and on the
 * geometric size grid of a sweep is led by the pairs that span large sizes, where the slope is
 * well determined. Its uncertainty is a bootstrap over the points (see {@link
 * io.ipcbench.harness.model.LineFit}); a crossover's interval pairs the two series' resamples.
 *
 * <p>A line is an approximation: copies get dearer when a message outgrows a cache, and sockets
 * and pipes split large messages into several calls. Where the measured break-even and the
 * lines' crossing disagree, the explanation says so rather than forcing the numbers to agree.
 */
package io.ipcbench.harness.model;
