import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import PDFDocument from 'pdfkit';
import { EICAR, freePort, startTestClamd, type TestClamd } from '../../../test/clamd.ts';
import { closeAfter } from '../../../test/cleanup.ts';
import { createClamdScanner } from './clamd.ts';

async function cleanPdf(): Promise<Buffer> {
  const doc = new PDFDocument();
  const parts: Buffer[] = [];
  doc.on('data', (part: Buffer) => parts.push(part));
  const ended = once(doc, 'end');
  doc.text('Projektplan för flyktingguider i Växjö kommun');
  doc.end();
  await ended;
  return Buffer.concat(parts);
}

describe('clamd scanner against a real clamd', () => {
  // One clamd for the suite: starting it takes about a second.
  let clamd: TestClamd;
  test.before(async () => {
    clamd = await startTestClamd();
  });
  test.after(() => clamd.close());
  const scanner = () => createClamdScanner({ host: clamd.host, port: clamd.port, timeoutMs: 10_000 });

  test('reports the EICAR test file as infected, with the signature name', async () => {
    assert.deepEqual(await scanner().scan(Buffer.from(EICAR, 'latin1')), { status: 'infected', signature: clamd.eicarSignature });
  });

  test('finds EICAR inside a stream, split across small chunks', async () => {
    const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR, 'latin1'), Buffer.alloc(200_000, 0x20)]);
    const chunks = Array.from({ length: Math.ceil(file.length / 7) }, (_, i) => file.subarray(i * 7, i * 7 + 7));
    assert.deepEqual(await scanner().scan(Readable.from(chunks)), { status: 'infected', signature: clamd.eicarSignature });
  });

  test('reports a PDF as clean', async () => {
    assert.deepEqual(await scanner().scan(await cleanPdf()), { status: 'clean' });
  });

  test('scans a large streamed file in many frames', async () => {
    const chunks = Array.from({ length: 48 }, (_, i) => Buffer.alloc(256 * 1024, i));
    assert.deepEqual(await scanner().scan(Readable.from(chunks)), { status: 'clean' });
  });

  test('gives no verdict when clamd refuses a stream above its size limit', async () => {
    const result = await scanner().scan(Buffer.alloc(clamd.streamMaxBytes + 1024 * 1024, 1));
    assert.equal(result.status, 'unreachable');
  });

  test('answers ping', async () => {
    assert.equal(await scanner().ping(), true);
  });

  test('rejects when the input stream fails, since that is no fault of clamd', async () => {
    const input = Readable.from(
      (async function* () {
        yield Buffer.alloc(1000);
        throw new Error('storage read failed');
      })(),
    );
    await assert.rejects(scanner().scan(input), /storage read failed/);
  });
});

describe('clamd scanner without a clamd', () => {
  test('reports a closed port as unreachable instead of throwing', async () => {
    const port = await freePort();
    const scanner = createClamdScanner({ host: '127.0.0.1', port, timeoutMs: 2000 });
    const result = await scanner.scan(Buffer.from('hej'));
    assert.equal(result.status, 'unreachable');
    assert.match(result.status === 'unreachable' ? result.error : '', /ECONNREFUSED/);
    assert.equal(await scanner.ping(), false);
  });

  test('releases a stream it could not send', async () => {
    const input = Readable.from([Buffer.from('hej')]);
    const result = await createClamdScanner({ host: '127.0.0.1', port: await freePort(), timeoutMs: 2000 }).scan(input);
    assert.equal(result.status, 'unreachable');
    assert.equal(input.destroyed, true);
  });

  test('reports a server that never answers as unreachable once the timeout has passed', async (t) => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.resume();
    });
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    closeAfter(t, () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => silent.close(resolve));
    });
    const address = silent.address();
    assert.ok(address !== null && typeof address === 'object');
    const started = Date.now();
    const result = await createClamdScanner({ host: '127.0.0.1', port: address.port, timeoutMs: 300 }).scan(Buffer.from('hej'));
    assert.equal(result.status, 'unreachable');
    assert.match(result.status === 'unreachable' ? result.error : '', /did not answer within 300 ms/);
    assert.ok(Date.now() - started < 5000);
  });
});
