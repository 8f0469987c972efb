import { formatTime } from '../lib/format';
import type { AgentTurnView } from './types';

/** A node's agent turns: tokens, cost, tool calls, and with workspaces each turn's commits and diff. */
export function AgentTurns({ turns }: { turns: readonly AgentTurnView[] }) {
  return (
    <>
      <h3>Agent turns</h3>
      <ol className="agent-turns" data-testid="agent-turns">
        {turns.map((turn, index) => (
          <li key={`${turn.turn}-${index}`}>
            <strong>turn {turn.turn}</strong> <span className="muted">{formatTime(turn.at)}</span>: {turn.inputTokens} in / {turn.outputTokens} out tokens, ${turn.costUsd.toFixed(4)}
            {turn.toolCalls.length > 0 && (
              <div className="muted">
                tools: {turn.toolCalls.map((call, at) => <span key={at} className={call.isError ? 'error' : undefined}>{at > 0 && ', '}{call.name}</span>)}
              </div>
            )}
            {turn.commits && (
              <div className="mono muted">
                {Object.entries(turn.commits).map(([repo, sha]) => `${repo} ${turn.previousCommits?.[repo]?.slice(0, 8) ?? '?'}..${sha.slice(0, 8)}`).join(', ')}
              </div>
            )}
            {turn.diffs &&
              Object.entries(turn.diffs).map(([repo, diff]) => (
                <details key={repo} className="node-text">
                  <summary>Diff of {repo}</summary>
                  <pre className="mono diff">{diff.replace(/\n$/, '').split('\n').map((line, at) => <span key={at} className={diffClass(line)}>{line}{'\n'}</span>)}</pre>
                </details>
              ))}
          </li>
        ))}
      </ol>
    </>
  );
}

function diffClass(line: string): string | undefined {
  if (line.startsWith('+') && !line.startsWith('+++')) return 'diff-add';
  if (line.startsWith('-') && !line.startsWith('---')) return 'diff-del';
  return undefined;
}
