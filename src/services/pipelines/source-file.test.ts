import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOrchestraError } from '../../core/errors.js';
import { contentVersion } from './content-version.js';
import { readPipelineSource, savePipelineSource, type SaveRequest } from './source-file.js';

let project: string;
let outside: string;
const text = 'digraph G {\n  // keep me\n  a -> b\n}\n';

beforeEach(() => {
  project = realpathSync(mkdtempSync(join(tmpdir(), 'dotedit-project-')));
  outside = realpathSync(mkdtempSync(join(tmpdir(), 'dotedit-outside-')));
  writeFileSync(join(project, 'a.dot'), text);
});
afterEach(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isOrchestraError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'ok';
}

describe('issue 15: pipelines.read', () => {
  it('gives the text and its version', async () => {
    expect(await readPipelineSource(project, 'a.dot')).toEqual({ file: 'a.dot', source: text, version: contentVersion(text) });
  });

  it.each([
    ['../x.dot', /E_USAGE: file: "..\/x.dot" is outside/],
    ['notes.txt', /E_USAGE: file: "notes.txt" is not a .dot file/],
    ['missing.dot', /E_FILE_NOT_FOUND/],
  ])('refuses %s', async (file, message) => {
    expect(await codeOf(readPipelineSource(project, file))).toMatch(message);
  });
});

describe('issue 15: pipelines.save stays inside the project', () => {
  const refused: [name: string, file: string, message: RegExp][] = [
    ['a ".." segment', '../escape.dot', /E_USAGE: file: "..\/escape.dot" goes up with ".."/],
    ['a ".." in the middle', 'sub/../../escape.dot', /goes up with "\.\."/],
    ['an absolute path', '/tmp/escape.dot', /is an absolute path/],
    ['a name that is not .dot', 'notes.txt', /is not a .dot file/],
    ['a bare ".dot"', 'sub/.dot', /is not a .dot file/],
    ['an empty segment', 'sub//x.dot', /is not a plain relative path/],
    ['a folder that is a symlink leading out', 'out/escape.dot', /is outside the project/],
    ['a new folder under a symlink leading out', 'out/deeper/escape.dot', /is outside the project/],
    ['a target that is a symlink', 'link.dot', /is a symlink/],
    ['a folder that is a file', 'a.dot/x.dot', /which is not a folder/],
  ];

  it.each(refused)('refuses %s', async (_name, file, message) => {
    symlinkSync(outside, join(project, 'out'));
    symlinkSync(join(project, 'a.dot'), join(project, 'link.dot'));
    expect(await codeOf(savePipelineSource(project, { file, source: text, overwrite: true }))).toMatch(message);
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(join(project, 'a.dot'), 'utf8')).toBe(text);
  });

  it('creates missing folders inside the project, and follows a symlinked folder that stays inside', async () => {
    mkdirSync(join(project, 'real'));
    symlinkSync(join(project, 'real'), join(project, 'alias'));
    expect(await savePipelineSource(project, { file: 'pipelines/new/flow.dot', source: text })).toEqual({ file: 'pipelines/new/flow.dot', version: contentVersion(text) });
    expect(readFileSync(join(project, 'pipelines/new/flow.dot'), 'utf8')).toBe(text);
    expect((await savePipelineSource(project, { file: 'alias/x.dot', source: '' })).file).toBe('real/x.dot');
  });
});

describe('issue 15: pipelines.save refuses to overwrite what it did not read', () => {
  const edited = text.replace('a -> b', 'a -> c');
  const cases: [name: string, request: () => SaveRequest, result: RegExp | 'ok'][] = [
    ['the version read', () => ({ file: 'a.dot', source: edited, version: contentVersion(text) }), 'ok'],
    ['a stale version', () => ({ file: 'a.dot', source: edited, version: contentVersion('older') }), /E_PIPELINE_CONFLICT: a.dot changed on disk since you read it/],
    ['a version of a file since removed', () => ({ file: 'gone.dot', source: edited, version: contentVersion(text) }), /E_PIPELINE_CONFLICT: gone.dot no longer exists/],
    ['no version over an existing file', () => ({ file: 'a.dot', source: edited }), /E_PIPELINE_CONFLICT: a.dot already exists/],
    ['no version with overwrite', () => ({ file: 'a.dot', source: edited, overwrite: true }), 'ok'],
    ['no version for a new file', () => ({ file: 'b.dot', source: edited }), 'ok'],
  ];

  it.each(cases)('%s', async (_name, request, result) => {
    const outcome = await codeOf(savePipelineSource(project, request()));
    if (result === 'ok') {
      expect(outcome).toBe('ok');
      expect(readFileSync(join(project, request().file), 'utf8')).toBe(edited);
    } else {
      expect(outcome).toMatch(result);
      expect(readFileSync(join(project, 'a.dot'), 'utf8')).toBe(text);
    }
  });
});

describe('issue 15: pipelines.save writes atomically', () => {
  it('replaces the file by a rename (a new inode), keeps its mode and leaves no temporary file', async () => {
    chmodSync(join(project, 'a.dot'), 0o640);
    const before = statSync(join(project, 'a.dot'));
    const saved = await savePipelineSource(project, { file: 'a.dot', source: 'digraph G {}\n', version: contentVersion(text) });
    const after = statSync(join(project, 'a.dot'));
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o640);
    expect(saved.version).toBe(contentVersion('digraph G {}\n'));
    expect(readdirSync(project).sort()).toEqual(['a.dot']);
  });

});
