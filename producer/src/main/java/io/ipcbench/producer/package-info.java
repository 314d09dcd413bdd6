/**
 * The producer process: ping-pong initiator, stream sender (with batching) and fixed-rate sender.
 * Each runs warm-up and accounting untimed, then the measured window, and reports its figures on
 * the control plane. The send loops allocate nothing and log nothing.
 */
package io.ipcbench.producer;
