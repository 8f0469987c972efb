/** NAME.dot for `orchestra generate pipeline NAME`: a valid start → work → exit pipeline (docs/pipelines.md). */
export function pipelineTemplate(name: string): string {
  return `// ${name}: check it with \`orchestra compile ${name}.dot\`, run it with \`orchestra run ${name}.dot\`
// (add --simulate to try it without a model). The syntax is in docs/pipelines.md.
digraph "${name}" {
  graph [goal="Describe what ${name} should achieve"]

  start [shape=Mdiamond]
  exit  [shape=Msquare]

  work [label="Work", prompt="Work towards the goal: $goal"]

  start -> work -> exit
}
`;
}
