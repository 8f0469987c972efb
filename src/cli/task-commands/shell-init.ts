import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import type { CommandContext } from '../command-context.js';

const posix = `# orchestra: \`orchestra cd <task>\` changes into the task's worktree.
# Add to ~/.bashrc or ~/.zshrc:  eval "$(orchestra shell-init)"
orchestra() {
  if [ "$1" = "cd" ] && [ -n "$2" ]; then
    local dir
    dir="$(command orchestra cd "$2")" && cd "$dir"
  else
    command orchestra "$@"
  fi
}
`;

const fish = `# orchestra: \`orchestra cd <task>\` changes into the task's worktree.
# Add to ~/.config/fish/config.fish:  orchestra shell-init --shell fish | source
function orchestra
  if test (count $argv) -ge 2; and test "$argv[1]" = cd
    set -l dir (command orchestra cd $argv[2]); and cd $dir
  else
    command orchestra $argv
  end
end
`;

/** `orchestra shell-init`: a shell function, because a child process cannot change its shell's directory. */
export function shellInitCommand(ctx: CommandContext, options: { shell?: string }): number {
  const shell = options.shell ?? (ctx.io.env.SHELL?.endsWith('fish') ? 'fish' : 'bash');
  if (shell === 'fish') ctx.io.stdout.write(fish);
  else if (shell === 'bash' || shell === 'zsh' || shell === 'sh') ctx.io.stdout.write(posix);
  else throw new OrchestraError(ErrorCode.USAGE, `no shell function for "${shell}".`, { hint: 'Use --shell bash, zsh or fish.' });
  return ExitCode.OK;
}
