import type { Answer, Interviewer, Question } from '../interviewer.js';

/** Answers every question without a person: for `--auto-approve`, CI and simulations (Attractor §6). */
export function createAutoApproveInterviewer(): Interviewer {
  return {
    async ask(question: Question): Promise<Answer> {
      return autoApprove(question);
    },
    async inform(): Promise<void> {},
  };
}

/**
 * YES for yes/no and confirmation, the first option for a choice, `auto-approved` for free text;
 * a chat ends (its first option, else `/done`), so an unattended run never talks forever.
 */
export function autoApprove(question: Question): Answer {
  switch (question.type) {
    case 'yes_no':
    case 'confirmation':
      return { value: 'yes' };
    case 'multiple_choice': {
      const first = question.options[0];
      if (first) return { value: first.key, selectedOption: first };
      return { value: 'auto-approved', text: 'auto-approved' };
    }
    case 'chat': {
      const first = question.options[0];
      return first ? { value: first.key, selectedOption: first, text: `/${first.key}` } : { value: '/done', text: '/done' };
    }
    default:
      return { value: 'auto-approved', text: 'auto-approved' };
  }
}
