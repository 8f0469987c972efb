import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeAgentConfig } from '../support/task-project.js';
import { deadline, shots } from './dashboard-session.js';
import { useDashboard } from './use-dashboard.js';

/*
 * The Agents page in a real browser (issue 15): a project whose orchestra.yaml defines a CLI agent
 * profile and an agent with prompt layers, and two pipelines, one running the other as a node. The
 * page shows them from GET /agents, never a profile's env values.
 */

const config = `${fakeAgentConfig()}    env: { REVIEW_BOT_TOKEN: "do-not-show-this-value" }
    models: { smart: review-large, worker: review-medium, cheap: review-small }
  claude-code:
    pass_env: [AWS_*]
agents:
  reviewer:
    role: prompts/reviewer-role.yaml
    persona: prompts/security-persona.yaml
    backend: cli
    cli: fake
    model: smart
`;

const files: Record<string, string> = {
  'orchestra.yaml': config,
  'prompts/reviewer-role.yaml': 'role:\n  name: pr-reviewer\n  system: |\n    You are an expert code reviewer for PR {{ pr_number }}.\n    Point at lines, suggest fixes.\n',
  'prompts/security-persona.yaml': 'persona: A security specialist who reads every input as hostile.\n',
  'pipelines/ship.dot': `digraph Ship {
  graph [goal="Ship a reviewed change"]
  start [shape=Mdiamond]
  review [type="pipeline", pipeline="review.dot", pipeline.inputs="pr_number"]
  exit [shape=Msquare]
  start -> review -> exit
}
`,
  'pipelines/review.dot': `digraph Review {
  graph [goal="Review a pull request"]
  start [shape=Mdiamond]
  read [agent="reviewer", prompt="Review PR $pr_number on $topic"]
  exit [shape=Msquare]
  start -> read -> exit
}
`,
};

const session = useDashboard({ files });

describe('issue 15: the Agents page', () => {
  it("issue 15: a project's orchestra.yaml profile, its agent's prompt layers and its composed pipelines are shown, env values never", { timeout: 90_000 }, async () => {
    const { p, url, browser } = session;
    const { page } = browser;
    await page.getByRole('link', { name: 'Agents' }).click();
    await page.waitForURL(/#\/agents$/, deadline);

    const fake = page.getByTestId('profile-row').filter({ has: page.getByRole('rowheader', { name: /^fake/ }) });
    await fake.waitFor(deadline);
    expect(await fake.textContent()).toContain('orchestra.yaml');
    expect(await fake.textContent()).toContain('review-medium');
    expect(await fake.textContent()).toContain('smart: review-largeworker: review-mediumcheap: review-small');
    expect(await fake.textContent()).toContain('REVIEW_BOT_TOKEN');
    const claude = page.getByTestId('profile-row').filter({ has: page.getByRole('rowheader', { name: /^claude-code/ }) });
    expect(await claude.textContent()).toContain('built-in, extended');
    expect(await claude.textContent()).toContain('AWS_*');
    expect(await page.getByTestId('profile-row').count()).toBe(5);

    const reviewer = page.getByTestId('agent-card').filter({ has: page.getByRole('heading', { name: 'reviewer' }) });
    expect(await reviewer.textContent()).toContain('cli fake');
    const layers = reviewer.getByTestId('prompt-layer');
    expect(await layers.count()).toBe(2);
    expect(await layers.nth(0).textContent()).toContain('prompts/reviewer-role.yaml');
    expect(await layers.nth(0).locator('pre').textContent()).toContain('You are an expert code reviewer for PR {{ pr_number }}.');
    expect(await layers.nth(1).textContent()).toContain('A security specialist');

    const review = page.getByTestId('pipeline-row').filter({ hasText: 'pipelines/review.dot' });
    expect(await review.textContent()).toContain('Review a pull request');
    expect(await review.textContent()).toContain('$pr_number$topic');
    expect(await review.textContent()).toContain('pipelines/ship.dot');

    expect(await page.content()).not.toContain('do-not-show-this-value');
    // The picker names the served project; an address naming one not served shows the first served.
    expect(await page.getByLabel('Project').inputValue()).toBe(p.project);
    await page.goto(`${url}/#/agents?project=${encodeURIComponent('/not/served')}`);
    await fake.waitFor(deadline);
    expect(await page.getByLabel('Project').inputValue()).toBe(p.project);
    await page.screenshot({ path: join(shots, 'agents.png'), fullPage: true });

    await page.getByRole('button', { name: /^Theme:/ }).click();
    await page.getByRole('button', { name: /^Theme:/ }).click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: join(shots, 'agents-dark.png'), fullPage: true });
    expect(browser.errors).toEqual([]);
  });
});
