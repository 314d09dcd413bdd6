/**
 * {@code ipcbench compare}: what changed between two runs, and whether any of it is a regression.
 *
 * <p>The rule: a figure regresses when its median moved the bad way (by {@link
 * io.ipcbench.harness.stats.Metric#higherIsBetter}) by more than the threshold <em>and</em> the
 * change is beyond both runs' own spread: the ranges [min, max] of the two runs' repetitions do
 * not overlap, and the medians moved by more than the wider of the two ranges is wide. The first
 * condition keeps small real changes from failing a build; the second keeps noise from doing so: if
 * a repetition of the old run was already as slow as a repetition of the new one, or the move is no
 * larger than how far a run's own repetitions lie apart, the runs have not shown a difference
 * (disjoint ranges alone happen by chance one time in ten with three repetitions each, and a
 * comparison looks at dozens of figures). A run with a single repetition has no spread, so any
 * change beyond the threshold counts; the report says so.
 *
 * <p>Only the figures users choose transports by can fail a comparison: median and p99 latency and
 * throughput. CPU use, context switches and system calls per message are shown, and count only with
 * {@code --all-metrics}; tail latencies beyond p99 and maxima are too noisy to gate on by default.
 */
package io.ipcbench.harness.compare;
