import { didYouMean } from '../core/closest-name.js';
import { configError } from './config-issues.js';
import { tryParseDuration } from '../core/duration.js';
import { defaultDueSoon, type ChannelConfig, type DueSoonRule, type ResolvedNotifications } from './notifications-types.js';
import type { RawNotifications } from './notifications-schema.js';
import type { YamlSource } from './yaml-locate.js';

type RawChannel = NonNullable<RawNotifications['channels']>[string];

/** What applies without a `notifications:` section: the inbox, and no routes. */
export function defaultNotifications(): ResolvedNotifications {
  return resolveNotifications(undefined, undefined);
}

/** The `notifications:` section with defaults filled in and every route's channels checked. */
export function resolveNotifications(raw: RawNotifications | undefined, source: YamlSource | undefined): ResolvedNotifications {
  const channels: Record<string, ChannelConfig> = { inbox: { name: 'inbox', type: 'inbox' } };
  for (const [name, channel] of Object.entries(raw?.channels ?? {})) channels[name] = resolveChannel(name, channel, source);
  const known = Object.keys(channels);
  const routes = (raw?.route ?? []).map((rule, index) => {
    rule.channels.forEach((channel, position) => {
      if (known.includes(channel)) return;
      fail(source, ['notifications', 'route', index, 'channels', position], `notifications.route[${index}].channels[${position}]: unknown channel "${channel}".${didYouMean(channel, known)} Known: ${known.join(', ')}.`, 'Define it under notifications.channels, or name one that is.');
    });
    return { events: [...new Set(rule.events)], channels: [...new Set(rule.channels)], ...(rule.groups !== undefined && { groups: rule.groups }) };
  });
  return { channels, routes, dueSoon: raw?.due_soon === undefined ? defaultDueSoon : resolveDueSoon(raw.due_soon) };
}

/** `80%` → a fraction; `5m` → a lead (the schema checked both shapes). */
function resolveDueSoon(value: string): DueSoonRule {
  const percent = /^(\d{1,2})%$/.exec(value.trim());
  return percent ? { fraction: Number(percent[1]) / 100 } : { beforeMs: tryParseDuration(value) ?? 0 };
}

function resolveChannel(name: string, channel: RawChannel, source: YamlSource | undefined): ChannelConfig {
  switch (channel.type) {
    case 'slack':
      return { name, type: 'slack', urlEnv: channel.url_env };
    case 'webhook':
      return { name, type: 'webhook', urlEnv: channel.url_env, secretEnv: channel.secret_env };
    case 'inbox':
      return { name, type: 'inbox' };
    case 'email': {
      if ((channel.user_env === undefined) !== (channel.password_env === undefined)) {
        const missing = channel.user_env === undefined ? 'user_env' : 'password_env';
        fail(source, ['notifications', 'channels', name], `notifications.channels.${name}: SMTP login needs both user_env and password_env; ${missing} is missing.`, 'Name the environment variables that hold the SMTP user and password, or leave both out for a server without login.', 'key');
      }
      const secure = channel.secure ?? false;
      return {
        name,
        type: 'email',
        host: channel.host,
        port: channel.port ?? (secure ? 465 : 587),
        secure,
        from: channel.from,
        to: channel.to ?? [],
        ...(channel.user_env !== undefined && { userEnv: channel.user_env }),
        ...(channel.password_env !== undefined && { passwordEnv: channel.password_env }),
      };
    }
  }
}

function fail(source: YamlSource | undefined, path: Array<string | number>, message: string, hint: string, at: 'key' | 'value' = 'value'): never {
  if (!source) throw new Error(`unreachable without a file: ${message}`);
  throw configError(source, path, message, hint, at);
}
