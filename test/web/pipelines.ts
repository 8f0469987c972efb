/*
 * Pipelines the dashboard's browser tests run over the API (issue 15), simulated: no model is
 * called, the human gate is real.
 */

/**
 * A change planned, then a human gate `review` ("Ship it?": [A] Approve goes to `ship`, [F] Fix to
 * `fix`). `gateAttributes` are added to the gate's (`human.form="…"`).
 */
export function reviewPipeline(gateAttributes = ''): string {
  return `digraph Review {
  graph [goal="Ship a change", rankdir=LR]
  start  [shape=Mdiamond]
  exit   [shape=Msquare]
  plan   [prompt="Plan the change"]
  review [shape=hexagon, label="Ship it?"${gateAttributes === '' ? '' : `, ${gateAttributes}`}]
  ship   [prompt="Ship it"]
  fix    [prompt="Fix it"]
  start -> plan -> review
  review -> ship [label="[A] Approve"]
  review -> fix  [label="[F] Fix"]
  ship -> exit
  fix -> exit
}
`;
}
