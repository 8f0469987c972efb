import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The workflow SDK's TSDoc is its API reference (`npm run docs:api` renders it into docs/api): every
 * value src/index.ts exports from src/workflows must say what it does, and the durable calls must
 * also say what survives a crash and show an example. Parsed file by file (no type checker): cheap.
 */

const root = resolve(import.meta.dirname, '..', '..');
const src = join(root, 'src');
/** The SDK's functions: each has an @example; all but timeout() (a pure value) say what survives a crash. */
const sdkFunctions = ['workflow', 'step', 'task', 'sleep', 'sleepUntil', 'waitForSignal', 'patched', 'timeout'];
const durableCalls = sdkFunctions.filter((name) => name !== 'timeout');

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Names src/index.ts exports as values from src/workflows. */
function workflowExports(): string[] {
  const names: string[] = [];
  for (const statement of parse(join(src, 'index.ts')).statements) {
    if (!ts.isExportDeclaration(statement) || statement.isTypeOnly || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    const from = statement.moduleSpecifier;
    if (!from || !ts.isStringLiteral(from) || !from.text.startsWith('./workflows/')) continue;
    for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
  }
  return names;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Exported functions and classes of src/workflows by name, with their TSDoc. */
function documented(): Map<string, { file: string; text: string; tags: string[] }> {
  const found = new Map<string, { file: string; text: string; tags: string[] }>();
  for (const file of sourceFiles(join(src, 'workflows'))) {
    for (const statement of parse(file).statements) {
      if (!(ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) || !statement.name) continue;
      if (!(ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export)) continue;
      const docs = ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc);
      const text = docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join('\n');
      const tags = docs.flatMap((doc) => (doc.tags ?? []).map((tag) => `@${tag.tagName.text} ${ts.getTextOfJSDocComment(tag.comment) ?? ''}`));
      found.set(statement.name.text, { file: relative(root, file), text, tags });
    }
  }
  return found;
}

describe('workflow SDK TSDoc', () => {
  const exported = workflowExports();
  const docs = documented();

  it('issue 11: src/index.ts exports the durable calls from src/workflows', () => {
    expect(exported).toEqual(expect.arrayContaining(sdkFunctions));
  });

  it.each(exported)('issue 11: %s has a TSDoc description of a sentence or more', (name) => {
    const doc = docs.get(name);
    expect(doc, `${name} is not an exported function or class in src/workflows`).toBeDefined();
    expect(doc!.text.length, `${doc!.file}: ${name} needs a TSDoc description`).toBeGreaterThan(40);
  });

  it.each(durableCalls)('issue 11: %s documents its durability (what a crash or a replay does)', (name) => {
    const doc = docs.get(name)!;
    expect(doc.text, `${doc.file}: say what survives a crash or restart`).toMatch(/durab|replay|restart|crash/i);
  });

  it.each(sdkFunctions)('issue 11: %s has an @example with code', (name) => {
    const doc = docs.get(name)!;
    expect(doc.tags.some((tag) => tag.startsWith('@example') && tag.includes('```')), `${doc.file}: ${name} needs an @example with a code block`).toBe(true);
  });
});
