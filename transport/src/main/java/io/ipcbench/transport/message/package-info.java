/**
 * The message on the wire: a 24-byte header ({@link io.ipcbench.transport.message.MessageHeader}: sequence,
 * send time, length, CRC32C) and a payload that is a fixed pattern with the sequence stamped over
 * its first and last eight bytes, so that consecutive payloads always differ.
 *
 * <p>The receiver checks sequence and length of every message and, unless the run says otherwise,
 * the CRC32C of every payload: it reads every byte it received. The sender derives each CRC from
 * the stamps and the pattern's precomputed CRC ({@link io.ipcbench.transport.message.Crc32cCombine}),
 * so checksumming costs the sender the same at every size and the copy cost stays the transport's.
 */
package io.ipcbench.transport.message;
