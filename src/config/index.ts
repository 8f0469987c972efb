export * from './config-types.js';
// parseConfig is imported from ./parse-config.js, not from here: loadConfig loads it (and YAML) only
// for a config file, and a re-export here would put it in every command's start.
export { loadConfig } from './load-config.js';
export type { LoadConfigOptions, LoadedConfig } from './load-config.js';
export { discoverConfigFile, projectConfigNames } from './discover-config.js';
export { orchestraHome } from './orchestra-home.js';
export { resolveModel } from './resolve-model.js';
export type { ModelRequest, ResolvedModel } from './resolve-model.js';
export { providerKeyStatus } from './provider-keys.js';
export type { ProviderKeyStatus } from './provider-keys.js';
export { defaultKeyEnv, defaultTierModels, inferProviderFromModel, inferProviderType } from './provider-defaults.js';
export { closestName, didYouMean } from '../core/closest-name.js';
export {
  cliProfileStanzaSchema,
  defaultArgs,
  InteractivePromptVias,
  SessionIdModes,
  StatusSources,
  ConfigHomes,
  type CliProfileStanza,
  type InteractivePromptVia,
  type ResolvedCliProfileStanza,
  type ResolvedInteractiveStanza,
  type SessionIdMode,
  type StatusSource,
  type ConfigHome,
} from './cli-profile-schema.js';
export { OutputFieldNames, Reduces, type OutputFieldName, type OutputFieldStanza, type Reduce, type ResolvedCliOutput } from './cli-output-schema.js';
export {
  InteractivePlaceholders,
  Placeholders,
  ResumePlaceholders,
  listPlaceholders,
  placeholderPattern,
  placeholdersIn,
  unknownPlaceholders,
  usesPlaceholder,
  type ArgTemplate,
  type Placeholder,
} from './cli-profile-placeholders.js';
export { configIssueMessage } from './config-issues.js';
export { isCliProfileExtension, mergeCliStanza, type CliAgentEntry, type CliProfileChanges, type CliProfileExtension } from './cli-profile-extension.js';
export { formatKeyPath } from './yaml-locate.js';
export { agentEnv, baseAgentEnv, configKeyEnvNames, envNameMatches, passEnvList } from './agent-env.js';
export { ChannelTypes, NotificationEvents } from './notifications-types.js';
export type { ChannelConfig, ChannelType, EmailChannelConfig, InboxChannelConfig, NotificationEvent, ResolvedNotifications, RouteRule, SlackChannelConfig, WebhookChannelConfig } from './notifications-types.js';
export { defaultNotifications } from './resolve-notifications.js';
export { noPeople, type ResolvedPeople, type ResolvedUser } from './people-types.js';
