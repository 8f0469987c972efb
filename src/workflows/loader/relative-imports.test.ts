import { describe, expect, it } from 'vitest';
import { relativeSpecifiers } from './relative-imports.js';

describe('issue 11: relativeSpecifiers', () => {
  it.each([
    ["import { a } from './a';", ['./a']],
    ["import type { T } from '../types.js';", ['../types.js']],
    ["import * as lib from './lib/index.ts'", ['./lib/index.ts']],
    ["import def, { x } from \"./d\";", ['./d']],
    ["import {\n  a,\n  b,\n} from './multi';", ['./multi']],
    ["export { x } from './x'; export * from './y';", ['./x', './y']],
    ["import './side-effect';", ['./side-effect']],
    ["const m = await import('./dynamic');", ['./dynamic']],
    ["const m = require('./required');", ['./required']],
    ["import { workflow } from 'orchestra'; import fs from 'node:fs';", []],
    ["// import { a } from './commented';\n/* import './block'; */", []],
    ["const url = 'http://x.test/a'; import { b } from './b';", ['./b']],
    ["import { a } from './a'; import { a2 } from './a';", ['./a']],
  ])('%s', (source, expected) => {
    expect(relativeSpecifiers(source)).toEqual(expected);
  });
});
