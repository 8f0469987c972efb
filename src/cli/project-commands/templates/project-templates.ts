/* The project files `orchestra init` writes besides the workflows. */

/** orchestra.yaml: people for the example's task, the rest commented out (docs/configuration.md). */
export const configTemplate = `# Orchestra's project configuration (docs/configuration.md). Pipelines (*.dot) and workflows/
# in this folder and below use it.

# Who answers human tasks (docs/human-tasks.md). The example workflow asks group support-l1.
# Act as a user with ORCHESTRA_USER=you, or give them the e-mail git knows you by.
people:
  users:
    you: { name: You }               # add email: and slack_id: as needed
  groups:
    support-l1: [you]
    support-l2: [you]
  admins: [you]

# Which model answers (docs/configuration.md#providers); the key comes from the environment.
# providers:
#   default: anthropic
#   anthropic:
#     models: { smart: claude-opus-4-5, worker: claude-sonnet-4-5, cheap: claude-haiku-4-5 }

# Where notices about human tasks go (docs/notifications.md). Secrets come from the environment.
# notifications:
#   channels:
#     support-slack: { type: slack, url_env: SLACK_WEBHOOK_URL }
#     support-mail: { type: email, host: smtp.example.com, from: orchestra@example.com, to: [support@example.com] }
#     audit: { type: webhook, url_env: AUDIT_WEBHOOK_URL, secret_env: AUDIT_WEBHOOK_SECRET }
#   route:
#     - events: [created, escalated]
#       groups: [support-l1, support-l2]
#       channels: [support-slack]
`;

/**
 * tsconfig.json: type-checks workflows/ with \`npx tsc -p .\`. 'orchestra' is mapped to a small
 * declaration file in .orchestra/types/ that \`orchestra init\` writes for this machine, so the
 * project installs nothing and this file (which names no machine's path) can be committed.
 */
export const tsconfigTemplate = `{
  // Type-checks the workflows: npx tsc -p .  (Orchestra runs them without a build step.)
  // 'orchestra' resolves to the Orchestra installed on this machine through .orchestra/types/,
  // which \`orchestra init\` writes (again) when it is missing: nothing to install here.
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "strict": true,
    "noEmit": true,
    "isolatedModules": true,
    "skipLibCheck": true,
    "paths": { "orchestra": ["./.orchestra/types/orchestra.d.ts"] }
  },
  "include": ["workflows/**/*.ts", "workflows/**/*.mts"]
}
`;

/** .orchestra/.gitignore: what Orchestra keeps in .orchestra/ that is not for commit. */
export const orchestraGitignore = `# Written by orchestra init. Task files (.orchestra/tasks/*.md) and .orchestra/setup are yours to commit.
types/
tasks/.lock
tasks/.last-id
`;

/** .orchestra/types/orchestra.d.ts: the types of the Orchestra at `entry` (its dist/index.js). */
export function orchestraTypesShim(entry: string): string {
  return `// Written by orchestra init for this machine: the types of the Orchestra that runs your workflows.
// Not for commit (.orchestra/.gitignore); run orchestra init again to write it anew.
export * from ${JSON.stringify(entry)};
`;
}
