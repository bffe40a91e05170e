import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  port: number;
  received: ParsedMail[];
  /** When each received message was accepted (epoch ms). */
  receivedAt: number[];
  /** Messages whose data arrived while replies were held: not accepted, so not delivered. */
  held: number;
  /** From now on the server takes each message's data but keeps the sender waiting for the reply, as a slow server does. */
  holdReplies(): void;
  /** Answers new messages again (a held sender that died never gets its reply). */
  replyAgain(): void;
  close(): Promise<void>;
}

/** A real SMTP server in this process (smtp-server); each accepted message is parsed as a mail client would. */
export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const receivedAt: number[] = [];
  let holding = false;
  const smtp: TestSmtp = {
    port: 0,
    received,
    receivedAt,
    held: 0,
    holdReplies() {
      holding = true;
    },
    replyAgain() {
      holding = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Do not wait the default 30 s for a mailer's pooled connection still open at close.
    closeTimeout: 200,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (holding) {
            smtp.held++;
            return;
          }
          received.push(mail);
          receivedAt.push(Date.now());
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  // A connection cut by a client (a killed server, a closed pool) is an expected event, not a failure.
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  smtp.port = (server.server.address() as AddressInfo).port;
  return smtp;
}
