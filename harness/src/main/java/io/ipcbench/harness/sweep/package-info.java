/**
 * A sweep: its configuration and schedule (repetitions interleaved, series rotated), running each
 * pair, turning result lines into figures, and the analyses across points (break-even, batching).
 */
package io.ipcbench.harness.sweep;
