import nodemailer from 'nodemailer';
import type { EmailChannelConfig } from '../../../config/notifications-types.js';
import type { Channel, SendContext } from '../../channel.js';
import { NotifyError, requireEnv } from '../../errors.js';
import type { HumanTaskNotice } from '../../notice.js';
import { emailContent } from './email-content.js';

type Env = Readonly<Record<string, string | undefined>>;

/** E-mail over SMTP with nodemailer: to the task's people that have an address, and the channel's `to`. */
export function createEmailChannel(config: EmailChannelConfig, env: Env, timeoutMs: number): Channel {
  const password = config.passwordEnv === undefined ? undefined : env[config.passwordEnv];
  return {
    name: config.name,
    type: 'email',
    secrets: password ? [password] : [],
    async send(notice: HumanTaskNotice, _context: SendContext): Promise<void> {
      const to = recipientsOf(notice, config);
      if (to.length === 0) {
        throw new NotifyError(`channel "${config.name}": nobody to mail (the task's people have no e-mail address and the channel has no \`to\`)`, {
          retryable: false,
          hint: 'Give the people an email in orchestra.yaml, or add `to:` to the channel.',
        });
      }
      const auth =
        config.userEnv !== undefined && config.passwordEnv !== undefined
          ? { user: requireEnv(env, config.userEnv, config.name, 'the SMTP user'), pass: requireEnv(env, config.passwordEnv, config.name, 'the SMTP password') }
          : undefined;
      const transport = nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        ...(auth && { auth }),
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      });
      try {
        await transport.sendMail({ from: config.from, to, ...emailContent(notice) });
      } catch (error) {
        throw smtpFailure(config, error);
      } finally {
        transport.close();
      }
    },
  };
}

function recipientsOf(notice: HumanTaskNotice, config: EmailChannelConfig): string[] {
  const people = (notice.recipients?.users ?? []).flatMap((user) => (user.email ? [user.email] : []));
  return [...new Set([...people, ...config.to])];
}

function smtpFailure(config: EmailChannelConfig, error: unknown): NotifyError {
  const { code, responseCode, message } = error as { code?: string; responseCode?: number; message?: string };
  // A refused login or recipient, or a permanent (5xx) answer, stays so; a down or busy server may recover.
  const retryable = !(code === 'EAUTH' || code === 'EENVELOPE' || (responseCode !== undefined && responseCode >= 500));
  return new NotifyError(`channel "${config.name}": SMTP ${config.host}:${config.port} failed: ${message ?? String(error)}`, { retryable, cause: error });
}
