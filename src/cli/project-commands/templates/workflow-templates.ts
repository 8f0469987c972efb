/*
 * What `orchestra init` and `orchestra generate workflow` write into workflows/. The SDK calls follow
 * issue 11: step(ctx, name, fn) journals a result, task(ctx, …) waits for a person, timeout('30m').
 */

/** workflows/customer-support.ts: seed 000's example, the AI part a journaled step. */
export const customerSupportWorkflow = `import { workflow, step, task, timeout } from 'orchestra';

export interface SupportQuestion {
  question: string;
  conversationId: string;
  customerId: string;
}

/**
 * Answers a customer: the AI when it is confident, otherwise a person in support-l1 (orchestra.yaml,
 * people:), who has 30 minutes. Start one with
 *   orchestra workflow start customer-support --input '{"question":"Where is my order?","conversationId":"c1","customerId":"u1"}'
 */
export const customerSupport = workflow('customer-support', async (ctx, input: SupportQuestion) => {
  const { question, conversationId, customerId } = input;

  // A step runs once: its result is journaled, and a restarted workflow reads it back instead.
  const draft = await step(ctx, 'ai-answer', () => draftAnswer(question));
  if (draft.confidence >= 0.8) return { answer: draft.answer, handledBy: 'ai' as const };

  // The AI is not confident: ask a person, and wait (minutes or days) for the answer.
  const result = await task(ctx, {
    title: 'Customer needs help',
    form: {
      answer: { type: 'textarea', required: true },
      sentiment: {
        type: 'select',
        options: [
          { value: 'positive', label: 'Positive' },
          { value: 'neutral', label: 'Neutral' },
          { value: 'frustrated', label: 'Frustrated' },
        ],
      },
    },
    assignTo: { group: 'support-l1' },
    context: { conversationId, customerId, question, draft: draft.answer },
    sla: timeout('30m'),
  });

  return { answer: result.data.answer, handledBy: 'human' as const };
});

/** Replace with a model call (the AI SDK, your provider); a score below 0.8 asks a person. */
async function draftAnswer(question: string): Promise<{ answer: string; confidence: number }> {
  return { answer: \`We received your question: \${question}\`, confidence: 0 };
}
`;

/** workflows/NAME.ts for `orchestra generate workflow NAME`. */
export function workflowTemplate(name: string, exportName: string): string {
  return `import { workflow, step } from 'orchestra';

export interface Input {
  message: string;
}

/** Start it with: orchestra workflow start ${name} --input '{"message":"hello"}' */
export const ${exportName} = workflow('${name}', async (ctx, input: Input) => {
  // Each step runs once; its (JSON) result is journaled before the workflow goes on.
  const shouted = await step(ctx, 'shout', async () => input.message.toUpperCase());
  return { result: shouted };
});
`;
}
