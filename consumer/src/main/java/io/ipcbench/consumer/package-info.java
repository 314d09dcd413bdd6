/**
 * The consumer process: creates the rendezvous, then receives and verifies every message (sequence,
 * length, CRC32C), echoing it in ping-pong and timing it in rate mode, until END.
 */
package io.ipcbench.consumer;
