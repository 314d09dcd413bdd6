package io.ipcbench.producer;

/** An untimed stretch of traffic (warm-up, system-call accounting) and when it is over. */
interface Phase
{
    /** Called after each message or frame with the time just read and this phase's totals so far. */
    boolean done(long nowNs, long messages, long bytes);
}
