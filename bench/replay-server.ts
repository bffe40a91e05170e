// The load client's ceiling for a page benchmark: a server that does no work but send responses
// captured from the app, with the same header lines and body bytes. What autocannon reaches
// against it is the most any server could reach with those bytes on this machine, since on two
// cores the client and the server each take one. Started by public-pages.ts, which sends it the
// pages over IPC and waits for its port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedPage {
  path: string;
  /** Flat [name, value, name, value…] without the lines Node's server writes itself. */
  headers: string[];
  bodyBase64: string;
}

process.once('message', (pages: CapturedPage[]) => {
  const byPath = new Map(pages.map((p) => [p.path, { headers: p.headers, body: Buffer.from(p.bodyBase64, 'base64') }]));
  const server = http.createServer((req, res) => {
    const page = byPath.get(req.url ?? '');
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, page.headers);
    res.end(page.body);
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
});
