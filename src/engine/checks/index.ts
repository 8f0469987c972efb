export { CheckKind, checkName, resolveChecks, defaultCheckTimeoutMs, defaultCriticModel, type CheckSpec, type ResolvedChecks } from './check-spec.js';
export { failedCheckNames, type CheckResult, type ChecksReport, type TestCounts } from './check-result.js';
export { runChecks, checksFileName, checksDirName, type RunChecksInput } from './run-checks.js';
export { parseTestCounts, parseVitest, parseJest, parsePytest, parseGoTest } from './test-counts.js';
export { parseCriticVerdict, type CriticVerdict } from './critic-verdict.js';
export { clearFeedback, feedbackFileName, feedbackHeading, readFeedback, renderFeedback, withFeedback, writeFeedback } from './feedback.js';
