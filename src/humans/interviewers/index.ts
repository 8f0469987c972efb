export { createAutoApproveInterviewer, autoApprove } from './auto-approve-interviewer.js';
export { createQueueInterviewer, type QueueInterviewer } from './queue-interviewer.js';
export { createRecordingInterviewer, type Recording, type RecordingInterviewer } from './recording-interviewer.js';
export { createCallbackInterviewer, type AskCallback, type InformCallback } from './callback-interviewer.js';
export { createConsoleInterviewer, type ConsoleInterviewer, type ConsoleInterviewerOptions } from './console-interviewer.js';
export { createAbsentInterviewer } from './absent-interviewer.js';
