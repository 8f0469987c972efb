import type { AgentView, PromptLayerView } from './types';

/** The agents of orchestra.yaml and the prompt layers each composes (role, persona, personality, task). */
export function LayersSection({ agents, layers }: { agents: AgentView[]; layers: PromptLayerView[] }) {
  return (
    <section aria-labelledby="layers-title" className="library-section">
      <h2 id="layers-title">Agents and prompt layers</h2>
      {agents.length === 0 ? (
        <p className="muted">No agents: name prompt layer files under <code>agents:</code> in orchestra.yaml, then use one with a node&apos;s <code>agent</code> attribute.</p>
      ) : (
        <ul className="agent-cards">
          {agents.map((agent) => (
            <li key={agent.name} className="agent-card" data-testid="agent-card" aria-labelledby={`agent-${agent.name}`}>
              <h3 id={`agent-${agent.name}`}>{agent.name}</h3>
              <p className="muted agent-facts">{facts(agent).join(' · ') || 'the default backend and model'}</p>
              {layers
                .filter((layer) => layer.agent === agent.name)
                .map((layer) => (
                  <figure key={layer.kind} className="layer" data-testid="prompt-layer">
                    <figcaption>
                      <span className="layer-kind">{layer.kind}</span> <code>{layer.file}</code>
                    </figcaption>
                    {layer.preview.length > 0 ? <pre>{layer.preview.join('\n')}</pre> : <p className="muted">Not shown: outside the project, or unreadable.</p>}
                  </figure>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function facts(agent: AgentView): string[] {
  return [
    agent.backend !== null ? `backend ${agent.backend}` : undefined,
    agent.cli !== null ? `cli ${agent.cli}` : undefined,
    agent.model !== null ? `model ${agent.model}` : undefined,
    agent.provider !== null ? `provider ${agent.provider}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
}
