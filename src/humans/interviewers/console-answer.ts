import type { Answer, Question } from '../interviewer.js';
import { describeChoices, matchAnswer } from '../match-answer.js';

/** What one typed line means for a question: an answer, or what to say before asking again. */
export type LineVerdict = { answer: Answer } | { retry: string };

const yes = new Set(['y', 'yes']);
const no = new Set(['n', 'no']);

/** Interprets a line typed at the console. An empty line takes the question's default, if any. */
export function interpretConsoleLine(question: Question, line: string): LineVerdict {
  const text = line.trim();
  if (text === '' && question.default) return { answer: question.default };
  switch (question.type) {
    case 'multiple_choice': {
      const option = matchAnswer(question, text, { allowNumber: true });
      if (option) return { answer: { value: option.key, selectedOption: option, text } };
      return { retry: `Please answer with one of: ${describeChoices(question)} (key, label or number).` };
    }
    case 'yes_no':
    case 'confirmation': {
      const lower = text.toLowerCase();
      if (yes.has(lower)) return { answer: { value: 'yes', text } };
      if (no.has(lower)) return { answer: { value: 'no', text } };
      return { retry: 'Please answer y (yes) or n (no).' };
    }
    case 'chat':
      if (text === '') return { retry: 'Please type a reply, or /done to end the chat.' };
      return { answer: { value: text, text } };
    default:
      if (text === '') return { retry: 'Please type an answer.' };
      return { answer: { value: text, text } };
  }
}

/** The prompt shown before reading a line. */
export function promptFor(question: Question): string {
  switch (question.type) {
    case 'multiple_choice':
      return 'Select: ';
    case 'yes_no':
    case 'confirmation':
      return '[Y/N]: ';
    default:
      return '> ';
  }
}
