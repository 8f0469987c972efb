import { describe, expect, it } from 'vitest';
import { checkGeneratedName, exportNameFor, toKebab } from './names.js';

describe('issue 11: generated names', () => {
  it.each(['a', 'order-refund', 'v2', 'step-1-check'])('%s is accepted', (name) => {
    expect(checkGeneratedName('workflow', name)).toBe(name);
  });

  it.each([
    ['OrderRefund', 'workflow name "OrderRefund" is not kebab-case', 'Use lowercase letters, digits and single hyphens, starting with a letter: orchestra generate workflow order-refund.'],
    ['order_refund', 'workflow name "order_refund" is not kebab-case', 'Use lowercase letters, digits and single hyphens, starting with a letter: orchestra generate workflow order-refund.'],
    ['order--refund', 'workflow name "order--refund" is not kebab-case', 'Use lowercase letters, digits and single hyphens, starting with a letter: orchestra generate workflow order-refund.'],
    ['-x', 'workflow name "-x" is not kebab-case', 'Use lowercase letters, digits and single hyphens, starting with a letter: orchestra generate workflow x.'],
    ['../evil', 'workflow name "../evil" is not kebab-case', 'Use lowercase letters, digits and single hyphens, starting with a letter: orchestra generate workflow evil.'],
    ['1st', 'workflow name "1st" is not kebab-case', 'Use lowercase letters, digits and single hyphens, starting with a letter: orchestra generate workflow st.'],
    ['', 'workflow name "" is not kebab-case', 'Use lowercase letters, digits and single hyphens, starting with a letter, such as order-refund.'],
    ['a'.repeat(65), `workflow name "${'a'.repeat(65)}" is longer than 64 characters`, 'Use lowercase letters, digits and single hyphens, starting with a letter, such as order-refund.'],
  ])('%s is refused', (name, message, hint) => {
    expect(() => checkGeneratedName('workflow', name)).toThrow(expect.objectContaining({ code: 'E_USAGE', message, hint }));
  });

  it.each([
    ['Order Refund', 'order-refund'],
    ['HTTPCheck', 'httpcheck'],
    ['__', ''],
  ])('toKebab(%s) = %s', (name, expected) => expect(toKebab(name)).toBe(expected));

  it.each([
    ['customer-support', 'customerSupport'],
    ['a-1', 'a1'],
    ['delete', 'deleteWorkflow'],
    ['new', 'newWorkflow'],
  ])('exportNameFor(%s) = %s', (name, expected) => expect(exportNameFor(name)).toBe(expected));
});
