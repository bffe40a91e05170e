import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';

/**
 * What a scan found. `unreachable` means no verdict: clamd could not be reached, did not answer in
 * time or answered with an error. The caller keeps such a file in quarantine and scans it again later.
 */
export type ScanResult = { status: 'clean' } | { status: 'infected'; signature: string } | { status: 'unreachable'; error: string };

/** A virus scanner: one per process is enough, since each call opens its own connection. */
export interface ClamdScanner {
  /**
   * Sends the file to clamd and reports its verdict; rejects only if a stream `input` itself fails.
   * A stream is used up: afterwards it is read to the end or destroyed.
   */
  scan(input: Buffer | Readable): Promise<ScanResult>;
  /** Whether clamd answers at all, for health checks. */
  ping(): Promise<boolean>;
}

/** Where clamd listens (CLAMD_HOST, CLAMD_PORT); clamd must have TCPSocket enabled. */
export interface ClamdOptions {
  host: string;
  port: number;
  /** How long one scan or ping may take from connecting to verdict (default 60 seconds). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
// Chunks stay far below clamd's StreamMaxLength so no single chunk is refused for its size.
const MAX_CHUNK_BYTES = 64 * 1024;

/**
 * Virus scanning by clamd over TCP with the INSTREAM command, so files never need to be on a disk
 * clamd can see. Never throws for clamd's sake: a missing scanner must not lose an upload.
 */
export function createClamdScanner({ host, port, timeoutMs = DEFAULT_TIMEOUT_MS }: ClamdOptions): ClamdScanner {
  return {
    async scan(input) {
      try {
        const reply = await exchange({ host, port, timeoutMs }, 'zINSTREAM\0', (socket, signal) => sendChunks(socket, input, signal));
        if (!reply.ok) return { status: 'unreachable', error: reply.error };
        return parseScanReply(reply.text);
      } finally {
        // A stream clamd did not read to the end (unreachable, refused) would keep its file open.
        if (!Buffer.isBuffer(input)) input.destroy();
      }
    },

    async ping() {
      const reply = await exchange({ host, port, timeoutMs }, 'zPING\0', async () => {});
      return reply.ok && reply.text === 'PONG';
    },
  };
}

/** clamd's answer to INSTREAM: `stream: OK`, `stream: <signature> FOUND` or `<message> ERROR`. */
function parseScanReply(text: string): ScanResult {
  if (text === 'stream: OK') return { status: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { status: 'infected', signature: found[1]! };
  return { status: 'unreachable', error: `clamd answered "${text}"` };
}

type Reply = { ok: true; text: string } | { ok: false; error: string };

/** Thrown when the file being scanned cannot be read: the caller's problem, not clamd's. */
class InputError extends Error {
  constructor(readonly original: unknown) {
    super('input stream failed');
  }
}

/**
 * One command on a fresh connection: sends `command`, lets `send` write what follows, and reads
 * the NUL-terminated reply. A reply that arrives early (clamd refusing a stream that is too long)
 * wins over the write error that follows it.
 */
function exchange(
  { host, port, timeoutMs }: Required<ClamdOptions>,
  command: string,
  send: (socket: Socket, signal: AbortSignal) => Promise<void>,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const sending = new AbortController();
    const received: Buffer[] = [];
    let settled = false;
    const settle = (outcome: Reply | InputError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sending.abort();
      socket.destroy();
      if (outcome instanceof InputError) reject(outcome.original);
      else resolve(outcome);
    };
    const replyText = (): string | undefined => {
      const all = Buffer.concat(received);
      const end = all.indexOf(0);
      return end === -1 ? undefined : all.subarray(0, end).toString('utf8').trim();
    };
    const timer = setTimeout(
      () => settle({ ok: false, error: `clamd at ${host}:${port} did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );

    socket.on('data', (data: Buffer) => {
      received.push(data);
      const text = replyText();
      if (text !== undefined) settle({ ok: true, text });
    });
    socket.on('error', (err) => settle({ ok: false, error: `clamd at ${host}:${port}: ${err.message}` }));
    socket.on('close', () => {
      const partial = Buffer.concat(received).toString('utf8').trim();
      settle(
        partial ? { ok: true, text: partial } : { ok: false, error: `clamd at ${host}:${port} closed the connection without answering` },
      );
    });
    socket.once('connect', () => {
      socket.write(command);
      send(socket, sending.signal).catch((err: unknown) => settle(err instanceof InputError ? err : new InputError(err)));
    });
  });
}

/** INSTREAM framing: each chunk behind its length as a 4-byte big-endian number, then a zero length. */
async function sendChunks(socket: Socket, input: Buffer | Readable, signal: AbortSignal): Promise<void> {
  try {
    for await (const chunk of Buffer.isBuffer(input) ? [input] : input) {
      const bytes: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      for (let offset = 0; offset < bytes.length; offset += MAX_CHUNK_BYTES) {
        const part = bytes.subarray(offset, offset + MAX_CHUNK_BYTES);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(part.length);
        if (!socket.write(Buffer.concat([length, part]))) await once(socket, 'drain', { signal });
      }
    }
  } catch (err) {
    // Once the exchange is over (verdict, socket failure or timeout) the socket's events have
    // already settled it; any other failure came from reading the input.
    if (signal.aborted) return;
    throw new InputError(err);
  }
  socket.write(Buffer.alloc(4));
}
