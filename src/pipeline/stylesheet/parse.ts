import type { OrchestraError } from '../../core/errors.js';
import { stylesheetError } from './stylesheet-error.js';
import {
  SelectorKind,
  StyleProperty,
  styleProperties,
  type StyleDeclaration,
  type StyleRule,
  type StyleSelector,
  type Stylesheet,
  type ValueLocator,
} from './stylesheet.js';

export interface ParseStylesheetOptions {
  /** Maps offsets in the stylesheet to DOT file positions, for error locations. */
  locate?: ValueLocator;
}

const identifier = /[A-Za-z_][A-Za-z0-9_]*/y;
const className = /[A-Za-z0-9_-]+/y;
const bareValue = /[A-Za-z0-9_.:/+@-]+/y;
const selectorHint = 'Start each rule with a selector: *, a shape name such as box, .class or #node_id.';
const reasoningEfforts: readonly string[] = ['low', 'medium', 'high'];
const valueHint = 'Write a model id such as claude-opus-4-6, or quote it: llm_model: "my model";';

/**
 * Parses `model_stylesheet` text (digest §16): `selector { property: value; ... }` rules, `;`
 * optional before `}`, values quoted or bare, `/* comments *\/` allowed. Throws E_STYLESHEET_SYNTAX.
 */
export function parseStylesheet(text: string, options: ParseStylesheetOptions = {}): Stylesheet {
  return new StylesheetParser(text, options.locate).parse();
}

class StylesheetParser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly locate: ValueLocator | undefined,
  ) {}

  parse(): Stylesheet {
    const rules: StyleRule[] = [];
    this.skipSpace();
    while (this.pos < this.text.length) {
      const selector = this.parseSelector();
      this.skipSpace();
      this.expect('{', `expected "{" after the selector, found ${this.describeHere()}.`, 'Follow the selector with { property: value; }.');
      rules.push({ selector, declarations: this.parseDeclarations(), order: rules.length });
      this.skipSpace();
    }
    return { rules };
  }

  private parseSelector(): StyleSelector {
    const start = this.pos;
    const ch = this.text[this.pos];
    let selector: StyleSelector;
    if (ch === '*') {
      this.pos += 1;
      selector = { kind: SelectorKind.UNIVERSAL, name: '*' };
    } else if (ch === '#' || ch === '.') {
      this.pos += 1;
      const name = this.match(ch === '#' ? identifier : className);
      if (name === undefined) {
        const what = ch === '#' ? 'a node id' : 'a class name';
        throw this.error(this.pos, `expected ${what} after "${ch}", found ${this.describeHere()}.`, selectorHint);
      }
      selector = { kind: ch === '#' ? SelectorKind.ID : SelectorKind.CLASS, name };
    } else {
      const name = this.match(identifier);
      if (name === undefined) throw this.error(start, `expected a selector, found ${this.describeHere()}.`, selectorHint);
      selector = { kind: SelectorKind.SHAPE, name };
    }
    const next = this.text[this.pos];
    if (next === '.' || next === '#' || next === '*') {
      const compound = /[^\s{]*/y;
      compound.lastIndex = start;
      throw this.error(this.pos, `combined selectors such as "${compound.exec(this.text)?.[0] ?? ''}" are not supported.`, 'Use one selector per rule; the more specific rule wins (#id > .class > shape > *).');
    }
    this.skipSpace();
    if (this.text[this.pos] === ',') {
      throw this.error(this.pos, 'selector lists are not supported.', 'Write one rule per selector.');
    }
    return selector;
  }

  private parseDeclarations(): StyleDeclaration[] {
    const declarations: StyleDeclaration[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '}') {
        this.pos += 1;
        return declarations;
      }
      if (this.pos >= this.text.length) {
        throw this.error(this.pos, 'the rule is never closed with "}".', 'End every rule with }.');
      }
      declarations.push(this.parseDeclaration());
      this.skipSpace();
      if (this.text[this.pos] === ';') this.pos += 1;
      else if (this.text[this.pos] !== '}') {
        throw this.error(this.pos, `expected ";" or "}" after the declaration, found ${this.describeHere()}.`, 'Separate declarations with ;.');
      }
    }
  }

  private parseDeclaration(): StyleDeclaration {
    const offset = this.pos;
    const name = this.match(identifier);
    if (name === undefined) {
      throw this.error(offset, `expected a property name, found ${this.describeHere()}.`, `Properties are ${styleProperties.join(', ')}.`);
    }
    if (!(styleProperties as readonly string[]).includes(name)) {
      throw this.error(offset, `unknown property "${name}".`, `Properties are ${styleProperties.join(', ')}.`);
    }
    this.skipSpace();
    this.expect(':', `expected ":" after "${name}", found ${this.describeHere()}.`, `Write ${name}: value;`);
    this.skipSpace();
    const valueOffset = this.pos;
    const value = this.text[this.pos] === '"' ? this.readString() : this.match(bareValue);
    if (value === undefined || value === '') {
      throw this.error(this.pos, `expected a value for "${name}", found ${this.describeHere()}.`, valueHint);
    }
    if (name === StyleProperty.REASONING_EFFORT && !reasoningEfforts.includes(value)) {
      throw this.error(valueOffset, `reasoning_effort must be low, medium or high, found "${value}".`, 'Write reasoning_effort: low; (or medium, or high).');
    }
    return { property: name as StyleProperty, value, offset };
  }

  private readString(): string {
    const start = this.pos;
    let value = '';
    this.pos += 1;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos] as string;
      this.pos += 1;
      if (ch === '"') return value;
      if (ch === '\\' && this.pos < this.text.length) {
        value += this.text[this.pos];
        this.pos += 1;
      } else value += ch;
    }
    throw this.error(start, 'the quoted value is never closed.', 'End the value with a double quote.');
  }

  private skipSpace(): void {
    for (;;) {
      while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos += 1;
      if (!this.text.startsWith('/*', this.pos)) return;
      const end = this.text.indexOf('*/', this.pos + 2);
      if (end < 0) throw this.error(this.pos, 'the comment is never closed.', 'End the comment with */.');
      this.pos = end + 2;
    }
  }

  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (!found) return undefined;
    this.pos += found[0].length;
    return found[0];
  }

  private expect(ch: string, problem: string, hint: string): void {
    if (this.text[this.pos] !== ch) throw this.error(this.pos, problem, hint);
    this.pos += 1;
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the stylesheet';
    const word = /[A-Za-z0-9_.-]+/y;
    word.lastIndex = this.pos;
    return `"${word.exec(this.text)?.[0] ?? this.text[this.pos]}"`;
  }

  private error(offset: number, problem: string, hint: string): OrchestraError {
    return stylesheetError(this.text, offset, problem, hint, this.locate);
  }
}
