/**
 * The resolved `notifications:` section of orchestra.yaml (issue 10): channels by name and the
 * rules that route each human-task event to channels. Secrets never appear here, only the names
 * of the environment variables that hold them.
 */

/** What happened to a human task; each is a notice routing rules can pick. */
export const NotificationEvents = ['created', 'assigned', 'escalated', 'due_soon', 'completed', 'cancelled'] as const;
export type NotificationEvent = (typeof NotificationEvents)[number];

export const ChannelTypes = ['slack', 'email', 'webhook', 'inbox'] as const;
export type ChannelType = (typeof ChannelTypes)[number];

export interface SlackChannelConfig {
  name: string;
  type: 'slack';
  /** The variable holding the incoming-webhook URL (the URL is the secret). */
  urlEnv: string;
}

export interface EmailChannelConfig {
  name: string;
  type: 'email';
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  from: string;
  /** Addresses that get every notice routed here, besides the task's people. */
  to: readonly string[];
  userEnv?: string;
  passwordEnv?: string;
}

export interface WebhookChannelConfig {
  name: string;
  type: 'webhook';
  urlEnv: string;
  /** The variable holding the HMAC-SHA256 key that signs every body (docs/notifications.md). */
  secretEnv: string;
}

/** The inbox is the store itself: nothing is sent. */
export interface InboxChannelConfig {
  name: string;
  type: 'inbox';
}

export type ChannelConfig = SlackChannelConfig | EmailChannelConfig | WebhookChannelConfig | InboxChannelConfig;

/** A notice goes to `channels` when its event is listed and, with `groups`, the task is assigned to one of them. */
export interface RouteRule {
  events: readonly NotificationEvent[];
  groups?: readonly string[];
  channels: readonly string[];
}

/**
 * When a task with a due time sends its `due_soon` notice: at `fraction` of the way from creation
 * to the due time (`due_soon: 80%`, the default), or `beforeMs` before the due time (`due_soon: 5m`).
 */
export type DueSoonRule = { fraction: number } | { beforeMs: number };

export const defaultDueSoon: DueSoonRule = { fraction: 0.8 };

export interface ResolvedNotifications {
  /** By name; always has `inbox` unless the file names another channel so. Read with `entryOf`. */
  channels: Readonly<Record<string, ChannelConfig>>;
  routes: readonly RouteRule[];
  /** Absent: the default, 80% (defaultDueSoon). */
  dueSoon?: DueSoonRule;
}
