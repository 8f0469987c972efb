export { createCliBackend, notInstalled, type CliBackend, type CliBackendOptions } from './cli-backend.js';
export { builtInCliProfiles, builtInCliStanzas } from './built-in-profiles.js';
export { parseCliProfile, cliProfileStanzaSchema, type CliProfileStanza } from './profile-schema.js';
export { profileFromConfig } from './profile-from-config.js';
export { probeCliProfile, type CliProbe } from './probe-profile.js';
export { installCommand, type CliProfile, type OutputSpec, type FieldSpec, type ArgTemplate, type PromptVia } from './profile.js';
