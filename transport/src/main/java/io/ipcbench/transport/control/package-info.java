/**
 * The control plane between the harness and a child: the point as both children see it
 * ({@link io.ipcbench.transport.control.PointSpec}), the stdout line protocol
 * ({@link io.ipcbench.transport.control.ControlProtocol}), the child's runtime (heartbeat, stdin
 * watchdog, exit codes), and what each side measures about itself (CPU, system calls, JIT quiet).
 *
 * <p>A point runs in phases, separated by in-band markers every transport must carry anyway:
 * warm-up (until the JIT is quiet), an untimed system-call accounting window (ACCOUNT_START,
 * ACCOUNT_END), SYNC, the measured window, END.
 */
package io.ipcbench.transport.control;
