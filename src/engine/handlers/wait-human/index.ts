export { createWaitHumanHandler } from './wait-human-handler.js';
export { gateChoices, choiceForAnswer, type GateChoice } from './gate-choices.js';
