import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createArrivals } from './arrivals.case.js';

/* A real SMTP server on 127.0.0.1 (smtp-server from npm) that keeps what it receives. */

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent: headers and MIME body. */
  raw: string;
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const arrivals = createArrivals<ReceivedMail>();
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS certificate to set up, no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        arrivals.add({ from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails: arrivals.items,
    waitForMails: (count, timeoutMs) => arrivals.waitFor(count, 'mails', timeoutMs),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
