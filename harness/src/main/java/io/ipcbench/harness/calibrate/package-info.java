/**
 * {@code ipcbench calibrate}: what the operations IPC is made of cost on this machine, measured
 * with JMH so that a sweep's fixed and per-byte costs can be read as system calls and copies.
 *
 * <p>The benchmarks ({@code bench/}) run in JMH forks started with the children's JVM flags: one
 * raw system call through JNA (the floor under every read, write and futex call), one JNA call
 * that stays in user space (JNA's own share of the former), one {@code System.nanoTime} (the
 * clock every latency is read with), and at each size a copy from a heap array to direct memory,
 * a copy between direct buffers (what a ring transport does, and the nearest Java stand-in for
 * the kernel's copy to and from user memory) and a CRC32C (what the consumer's check costs). A
 * size gets its own fork so that its buffers are the only ones warm.
 *
 * <p>Check the figures against the native reference ({@code reference/ipcref.c}): a system call
 * through JNA costs more than the bare call in C, by at least JNA's own share; a Java copy of a
 * few KiB or more should come within a few tens of per cent of memcpy.
 *
 * <p>JMH's average time per operation includes time spent waiting for a CPU, so a calibration on
 * a busy machine is inflated; the summary says so when the load average at the start was high.
 */
package io.ipcbench.harness.calibrate;
