export { requestApproval, type ApprovalOptions, type ApprovalOutcome, type StoreWake } from './request-approval.js';
export { approvalForm, decisionOf, type ApprovalDecision, type ApprovalRequest } from './approval-form.js';
