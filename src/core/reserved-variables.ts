import { ErrorCode, OrchestraError } from './errors.js';

/** Why a group of names is reserved: each would let a run variable change what a tool command runs. */
const Why = {
  loader: 'it decides which libraries every program loads',
  shell: 'it changes what the shell runs or where it looks for commands',
  interpreter: 'it changes which code an interpreter (Node, Python, Perl, Ruby, Java) loads or runs',
  programs: 'it names a program or setting that tools such as git, npm, pip, editors and pagers use',
  network: 'it redirects network traffic or changes which servers are trusted',
  orchestra: 'Orchestra sets or reads it itself',
} as const;

interface ReservedRule {
  /** An exact name, or a prefix when it ends with `*`. */
  pattern: string;
  why: string;
}

const rules = (why: string, ...patterns: string[]): ReservedRule[] => patterns.map((pattern) => ({ pattern, why }));

/**
 * Run variables become environment variables of tool commands (decision 7), after the process's
 * own; these names would replace the ones that decide what those commands execute (issue 8.6).
 * Matching is exact, case included: POSIX environment names are case-sensitive and programs read
 * the spelling below, so `path=src` or `home=docs` stay ordinary variables. The lowercase proxy
 * names are listed because curl, git and pip read them in lowercase.
 */
export const reservedVariableRules: readonly ReservedRule[] = [
  ...rules(Why.loader, 'LD_*', 'DYLD_*', 'GCONV_PATH', 'LOCPATH', 'HOSTALIASES', 'RESOLV_HOST_CONF'),
  ...rules(Why.shell, 'PATH', 'HOME', 'SHELL', 'ENV', 'BASH_ENV', 'BASH_FUNC_*', 'IFS', 'CDPATH', 'SHELLOPTS', 'BASHOPTS', 'PS4', 'PROMPT_COMMAND', 'GLOBIGNORE', 'PWD', 'TMPDIR'),
  ...rules(Why.interpreter, 'NODE_*', 'PYTHON*', 'PERL5LIB', 'PERL5OPT', 'PERLLIB', 'RUBYLIB', 'RUBYOPT', 'GEM_HOME', 'GEM_PATH', 'CLASSPATH', 'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS'),
  ...rules(Why.programs, 'GIT_*', 'NPM_CONFIG_*', 'npm_config_*', 'PIP_*', 'DOCKER_*', 'XDG_*', 'EDITOR', 'VISUAL', 'PAGER', 'BROWSER', 'LESSOPEN', 'LESSCLOSE', 'SSH_ASKPASS', 'SUDO_ASKPASS', 'SSH_AUTH_SOCK', 'GNUPGHOME', 'KUBECONFIG'),
  ...rules(Why.network, 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'FTP_PROXY', 'http_proxy', 'https_proxy', 'all_proxy', 'no_proxy', 'ftp_proxy', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE', 'ANTHROPIC_*', 'OPENAI_*'),
  ...rules(Why.orchestra, 'ORCHESTRA_*', 'ATTRACTOR_*'),
];

/** Why `name` may not be a run variable, or undefined when it may. */
export function reservedVariableReason(name: string): string | undefined {
  const rule = reservedVariableRules.find(({ pattern }) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
  return rule?.why;
}

/** Refuses run variables with reserved names (E_VARIABLE), before a run is stored or started. */
export function refuseReservedVariables(variables: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(variables)) {
    const why = reservedVariableReason(name);
    if (why === undefined) continue;
    throw new OrchestraError(ErrorCode.VARIABLE, `Run variable "${name}" has a reserved name: tool commands get run variables as environment variables, and ${name} would replace one that matters (${why}).`, {
      hint: `Give it another name, such as run_${name.toLowerCase()}=..., and use that name in prompts and tool commands. docs/cli.md lists the reserved names.`,
    });
  }
}
