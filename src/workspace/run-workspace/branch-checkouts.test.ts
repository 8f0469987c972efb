import { describe, expect, it } from 'vitest';
import { branchSuffix } from './branch-checkouts.js';

describe('issue 14: the folder and branch part of a parallel branch', () => {
  it.each([
    ['implement', 0, /^implement-0$/],
    ['impl_a', 12, /^impl_a-12$/],
    ['a node with spaces', 1, /^a_node_with_spaces_[0-9a-f]{8}-1$/],
    ['../escape', 0, /^escape_[0-9a-f]{8}-0$/],
    ['x..y', 2, /^x\.y_[0-9a-f]{8}-2$/],
    ['日本', 0, /^node_[0-9a-f]{8}-0$/],
    ['', 3, /^node_[0-9a-f]{8}-3$/],
  ])('%j branch %i → %s', (node, index, expected) => {
    expect(branchSuffix(node, index)).toMatch(expected);
  });

  it('keeps ids apart that only differ in characters it replaces', () => {
    expect(branchSuffix('a b', 0)).not.toBe(branchSuffix('a_b', 0));
    expect(branchSuffix('a b', 0)).not.toBe(branchSuffix('a-b', 0));
  });
});
