import { describe, expect, it } from 'vitest';
import { isOrchestraError } from '../../core/errors.js';
import { parseDot } from '../dot/parse.js';
import type { Graph } from '../graph/model.js';
import type { LintRule } from './lint-rule.js';
import { pipelineDot } from './testing/lint-dot.js';
import { validate, validateOrThrow } from './validate.js';

const parse = (source: string): Graph => parseDot(source, 'p.dot');

function chainDot(length: number): string {
  const lines = ['digraph chain {', '  n0 [shape=Mdiamond]', `  n${length - 1} [shape=Msquare]`];
  for (let i = 1; i < length - 1; i += 1) lines.push(`  n${i} [prompt="step ${i}"]`);
  for (let i = 0; i < length - 1; i += 1) lines.push(`  n${i} -> n${i + 1}`);
  lines.push('}');
  return lines.join('\n');
}

describe('validate', () => {
  it('returns nothing for a clean pipeline', () => {
    expect(validate(parse(pipelineDot('a [prompt="Plan $goal"]\nstart -> a -> exit', 'goal="Ship"')))).toEqual([]);
  });

  it('collects every diagnostic of every rule, in file order', () => {
    const graph = parse(pipelineDot('a [label="A", max_retry=2]\norphan [label="O"]\nstart -> a [condition="x >"]\na -> exit\na -> ghost'));
    const found = validate(graph).map((d) => `${d.loc?.line}:${d.loc?.column} ${d.rule}`);
    expect(found).toEqual([
      '5:17 unknown_attribute',
      '6:3 reachability',
      '7:15 condition_syntax',
      '9:3 edge_target_exists',
    ]);
  });

  it('runs extra rules after the built-in ones with the shared context', () => {
    const seen: string[] = [];
    const noFoo: LintRule = {
      name: 'no_foo',
      apply(graph, ctx) {
        seen.push(ctx.startNode()?.id ?? 'none');
        return [...graph.nodes.keys()].filter((id) => id === 'foo').map((id) => ({ rule: 'no_foo', severity: 'warning', message: `no ${id}`, nodeId: id }));
      },
    };
    const diagnostics = validate(parse(pipelineDot('foo [label="F"]\nstart -> foo -> exit')), { extraRules: [noFoo] });
    expect(diagnostics).toEqual([{ rule: 'no_foo', severity: 'warning', message: 'no foo', nodeId: 'foo' }]);
    expect(seen).toEqual(['start']);
  });

  it('validates a 10,000-node chain in under 100 ms', () => {
    const graph = parse(chainDot(10_000));
    expect(validate(graph)).toEqual([]);
    // CPU time, best of a few warm runs: other work on a shared 2-core machine must not fail it.
    let best = Infinity;
    for (let run = 0; run < 5; run += 1) {
      const copy: Graph = { ...graph };
      const started = process.cpuUsage();
      validate(copy);
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1_000);
    }
    expect(best).toBeLessThan(100);
  });
});

describe('validateOrThrow', () => {
  it('returns warnings and infos when there is no error', () => {
    const diagnostics = validateOrThrow(parse(pipelineDot('a\nstart -> a -> exit')));
    expect(diagnostics.map((d) => d.rule)).toEqual(['prompt_on_llm_nodes']);
  });

  it('throws E_VALIDATION summarising every error', () => {
    let error: unknown;
    try {
      validateOrThrow(parse(pipelineDot('a [label="A"]\nb [label="B"]\nstart -> a -> exit')));
    } catch (caught) {
      error = caught;
    }
    expect(isOrchestraError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'E_VALIDATION',
      message: 'p.dot has 1 error; the first: Node b is unreachable from start (orphan): no chain of edges leads to it from start.',
      hint: 'Fix the error above; `orchestra compile p.dot` lists every diagnostic.',
      location: { file: 'p.dot', line: 6, column: 3 },
      detail: 'p.dot:6:3: error[reachability]: Node b is unreachable from start (orphan): no chain of edges leads to it from start.\n  fix: add an edge that leads to b, or delete it',
    });
  });

  it('counts several errors', () => {
    expect(() => validateOrThrow(parse('digraph G {\n  a [label="A"]\n}'))).toThrow(/^p\.dot has 2 errors; the first: No start node/);
  });
});
