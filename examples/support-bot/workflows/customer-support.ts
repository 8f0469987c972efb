import { workflow, agent, step, task, timeout } from 'orchestra';
import { draftInstructions, parseDraft } from './lib/draft.js';

export interface SupportQuestion {
  question: string;
  conversationId: string;
  customerId: string;
  /** Below this confidence a person answers. Default 0.8. */
  threshold?: number;
  /** How long support-l1 has before the task goes to support-l2. Default '30m'. */
  sla?: string;
  /** When nobody has answered by then (from the task's creation), the customer gets the holding answer. Default '1h'. */
  giveUpAfter?: string;
}

/** The answer nobody-answered tasks end with (the escalation chain's default answer). */
export const holdingAnswer = "We'll get back to you";

/**
 * Seed 000's customer support: the AI drafts an answer with a confidence score; when it is sure
 * enough the customer gets it, otherwise a person in support-l1 answers within the SLA, then
 * support-l2, and if nobody does the customer gets the holding answer. Start one with
 *   orchestra workflow start customer-support --input '{"question":"Where is my order?","conversationId":"c1","customerId":"u1"}'
 */
export const customerSupport = workflow('customer-support', async (ctx, input: SupportQuestion) => {
  const { question, conversationId, customerId } = input;
  const sla = input.sla ?? '30m';

  // agent() is journaled: a restarted workflow reads the reply back instead of asking the model again.
  const reply = await agent(ctx, { name: 'draft-answer', prompt: `A customer asks: ${question}\n\n${draftInstructions}` });
  const draft = await step(ctx, 'parse-draft', () => parseDraft(reply.status === 'success' ? reply.text : ''));
  if (draft.confidence >= (input.threshold ?? 0.8)) return { answer: draft.answer, handledBy: 'ai' as const, confidence: draft.confidence };

  // Not confident: ask a person, and wait (minutes or days) for the answer.
  const result = await task(ctx, {
    title: 'Customer needs help',
    description: `**${customerId}** asks:\n\n> ${question}\n\nThe AI's draft (confidence ${draft.confidence}): ${draft.answer || '(none)'}`,
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
    sla: timeout(sla),
    escalation: [
      { after: sla, reassign: 'group:support-l2', priority: 'high' },
      { after: input.giveUpAfter ?? '1h', answer: { answer: holdingAnswer } },
    ],
  });

  // `system` answered when nobody did in time: the chain's default answer went out.
  const handledBy = result.answeredBy === 'system' ? ('nobody' as const) : ('human' as const);
  return { answer: result.data.answer, handledBy, answeredBy: result.answeredBy, confidence: draft.confidence };
});
