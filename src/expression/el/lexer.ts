/**
 * Scanner for the JUEL subset (EL 2.2 §1.19 lexical structure, as JUEL implements it). It is lazy
 * and modal: outside `${`/`#{` it yields text tokens (honouring `\${` escapes), inside it yields
 * expression tokens. Laziness matters for fidelity: a syntax error before a lexical error wins.
 */

/** Kinds of token, one per JUEL scanner symbol (`instanceof` is reserved but unsupported). */
export type TokenKind =
  | 'eof' | 'text' | 'startDynamic' | 'startDeferred' | 'endEval'
  | 'identifier' | 'string' | 'integer' | 'float' | 'true' | 'false' | 'null' | 'empty' | 'instanceof'
  | 'plus' | 'minus' | 'mul' | 'div' | 'mod' | 'lparen' | 'rparen' | 'lbrack' | 'rbrack'
  | 'dot' | 'comma' | 'question' | 'colon' | 'not' | 'and' | 'or'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** One scanned token; `image` is null only for end of input, as in JUEL (hence "encountered 'null'"). */
export interface Token {
  readonly kind: TokenKind;
  /** Unescaped content for text and strings, the source spelling otherwise. */
  readonly image: string | null;
  /** Offset of the token's first character in the whole expression text. */
  readonly position: number;
  /** Number of source characters the token spans (differs from the image for escapes). */
  readonly length: number;
}

/** How JUEL names each symbol in "expected …" parts of syntax error messages. */
export const SYMBOL_NAMES: Readonly<Record<TokenKind, string>> = {
  eof: '<EOF>', text: '<TEXT>', startDynamic: "'${'", startDeferred: "'#{'", endEval: "'}'",
  identifier: '<IDENTIFIER>', string: '<STRING>', integer: '<INTEGER>', float: '<FLOAT>',
  true: "'true'", false: "'false'", null: "'null'", empty: "'empty'", instanceof: "'instanceof'",
  plus: "'+'", minus: "'-'", mul: "'*'", div: "'/'|'div'", mod: "'%'|'mod'",
  lparen: "'('", rparen: "')'", lbrack: "'['", rbrack: "']'", dot: "'.'", comma: "','",
  question: "'?'", colon: "':'", not: "'!'|'not'", and: "'&&'|'and'", or: "'||'|'or'",
  eq: "'=='|'eq'", ne: "'!='|'ne'", lt: "'<'|'lt'", le: "'<='|'le'", gt: "'>'|'gt'", ge: "'>='|'ge'",
};

/**
 * A lexical or syntax error. The message is JUEL's inner text ("syntax error at position 15,
 * encountered 'null', expected '}'"); the expression manager prefixes "Error parsing '…': ".
 */
export class ElSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ElSyntaxError';
  }
}

/** Formats an integer as Java's MessageFormat does (grouping separators: 1,234). */
export function formatPosition(position: number): string {
  return String(position).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Builds JUEL's "lexical error" (scanner) message. */
export function lexicalError(position: number, encountered: string, expected: string): ElSyntaxError {
  return new ElSyntaxError(
    `lexical error at position ${formatPosition(position)}, encountered ${encountered}, expected ${expected}`,
  );
}

const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['null', 'null'], ['true', 'true'], ['false', 'false'], ['empty', 'empty'],
  ['div', 'div'], ['mod', 'mod'], ['not', 'not'], ['and', 'and'], ['or', 'or'],
  ['le', 'le'], ['lt', 'lt'], ['eq', 'eq'], ['ne', 'ne'], ['ge', 'ge'], ['gt', 'gt'],
  ['instanceof', 'instanceof'],
]);

const SINGLE: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['*', 'mul'], ['/', 'div'], ['%', 'mod'], ['+', 'plus'], ['-', 'minus'], ['?', 'question'],
  [':', 'colon'], ['[', 'lbrack'], [']', 'rbrack'], ['(', 'lparen'], [')', 'rparen'], [',', 'comma'],
]);

/** Two-character operators, keyed by their spelling. */
const DOUBLE: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['==', 'eq'], ['&&', 'and'], ['||', 'or'], ['!=', 'ne'], ['<=', 'le'], ['>=', 'ge'],
]);

/** Java's Character.isWhitespace (Unicode spaces except the non-breaking ones, plus controls). */
const WHITESPACE = /[\t\n\v\f\r\x1C-\x1F \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]/;
/** Java's Character.isJavaIdentifierStart / isJavaIdentifierPart, approximately. */
const IDENT_START = /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u;
const IDENT_PART = /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}\p{Cf}]/u;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Pull scanner over one expression text; each `next()` yields the following token. */
export class Lexer {
  private token: Token | null = null;
  private position = 0;

  constructor(private readonly input: string) {}

  /** Advances past the current token and scans the next one (EOF repeats at the end). */
  next(): Token {
    if (this.token !== null) {
      this.position += this.token.length;
    }
    const inEval = this.inEval();
    if (inEval) {
      while (this.position < this.input.length && WHITESPACE.test(this.input.charAt(this.position))) {
        this.position++;
      }
    }
    if (this.position >= this.input.length) {
      this.token = { kind: 'eof', image: null, position: this.position, length: 0 };
    } else {
      this.token = inEval ? this.scanEval() : this.scanOutside();
    }
    return this.token;
  }

  private inEval(): boolean {
    return this.token !== null && this.token.kind !== 'text' && this.token.kind !== 'endEval';
  }

  private make(kind: TokenKind, image: string, length = image.length): Token {
    return { kind, image, position: this.position, length };
  }

  private scanOutside(): Token {
    const c = this.input.charAt(this.position);
    if (this.input.charAt(this.position + 1) === '{') {
      if (c === '$') return this.make('startDynamic', '${');
      if (c === '#') return this.make('startDeferred', '#{');
    }
    return this.scanText();
  }

  /** Literal text up to the next unescaped `${`/`#{`; `\` escapes only those, as JUEL does. */
  private scanText(): Token {
    const { input } = this;
    let out = '';
    let escaped = false;
    let i = this.position;
    for (; i < input.length; i++) {
      const c = input.charAt(i);
      if (c === '\\') {
        // JUEL quirk: a second backslash is emitted but the escape stays armed.
        if (escaped) out += '\\';
        escaped = true;
        continue;
      }
      if ((c === '$' || c === '#') && input.charAt(i + 1) === '{') {
        if (!escaped) break;
        out += c;
      } else {
        out += (escaped ? '\\' : '') + c;
      }
      escaped = false;
    }
    if (escaped) out += '\\';
    return this.make('text', out, i - this.position);
  }

  private scanEval(): Token {
    const c1 = this.input.charAt(this.position);
    const c2 = this.input.charAt(this.position + 1);
    if (c1 === '}') return this.make('endEval', '}');
    const pair = DOUBLE.get(c1 + c2);
    if (pair !== undefined) return this.make(pair, c1 + c2);
    const single = SINGLE.get(c1);
    if (single !== undefined) return this.make(single, c1);
    if (c1 === '!') return this.make('not', '!');
    if (c1 === '<') return this.make('lt', '<');
    if (c1 === '>') return this.make('gt', '>');
    if (c1 === '.' && !isDigit(c2)) return this.make('dot', '.');
    if (c1 === '"' || c1 === "'") return this.scanString(c1);
    if (isDigit(c1) || c1 === '.') return this.scanNumber();
    if (IDENT_START.test(c1)) return this.scanIdentifier();
    throw lexicalError(this.position, `invalid character '${c1}'`, 'expression token');
  }

  /** String literal; only `\\` and `\<quote>` are valid escapes (EL 2.2 §1.3). */
  private scanString(quote: string): Token {
    const { input } = this;
    let out = '';
    let i = this.position + 1;
    while (i < input.length) {
      const c = input.charAt(i++);
      if (c === quote) return this.make('string', out, i - this.position);
      if (c !== '\\') {
        out += c;
        continue;
      }
      if (i === input.length) throw lexicalError(this.position, 'unterminated string', `${quote} or \\`);
      const e = input.charAt(i++);
      if (e !== '\\' && e !== quote) {
        throw lexicalError(this.position, `invalid escape sequence \\${e}`, `\\${quote} or \\\\`);
      }
      out += e;
    }
    throw lexicalError(this.position, 'unterminated string', quote);
  }

  /** Integer (`123`) or floating literal (`1.5`, `.5`, `1.`, `1e3`); a dangling exponent is left. */
  private scanNumber(): Token {
    const { input } = this;
    let i = this.position;
    let kind: TokenKind = 'integer';
    while (isDigit(input[i])) i++;
    if (input[i] === '.') {
      kind = 'float';
      i++;
      while (isDigit(input[i])) i++;
    }
    if (input[i] === 'e' || input[i] === 'E') {
      let j = i + 1;
      if (input[j] === '+' || input[j] === '-') j++;
      if (isDigit(input[j])) {
        while (isDigit(input[j])) j++;
        kind = 'float';
        i = j;
      }
    }
    return this.make(kind, input.slice(this.position, i));
  }

  private scanIdentifier(): Token {
    let i = this.position + 1;
    while (i < this.input.length && IDENT_PART.test(this.input.charAt(i))) i++;
    const name = this.input.slice(this.position, i);
    return this.make(KEYWORDS.get(name) ?? 'identifier', name);
  }
}
