import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';

/**
 * Loads a MySQL dump (mysqldump output or the hand-written LMS fixtures in conformance/input) into a SQLite file,
 * creating it if needed. Values are kept exactly: strings are decoded from MySQL's escapes and bound as parameters,
 * numbers stay literals, so SQLite applies the same column conversions MySQL does. Indexes, foreign keys, engines
 * and charsets are dropped: they never change a value, and foreign keys would tie one dump to another's tables.
 */
export function loadMysqlDumpIntoSqlite(dumpPath: string, sqliteFile: string): void {
  const db = new Database(sqliteFile);
  try {
    const statements = splitStatements(tokenize(readFileSync(dumpPath, 'utf8')));
    // Rows of one INSERT share a few shapes; SQLite re-prepares a cached statement itself when a table is re-created.
    const prepared = new Map<string, Database.Statement>();
    db.transaction(() => {
      for (const statement of statements) {
        for (const step of translateStatement(statement)) {
          let compiled = prepared.get(step.sql);
          if (!compiled) prepared.set(step.sql, (compiled = db.prepare(step.sql)));
          compiled.run(...step.params);
        }
      }
    })();
  } catch (error) {
    throw new Error(`cannot load ${dumpPath} into SQLite: ${(error as Error).message}`, { cause: error });
  } finally {
    db.close();
  }
}

type Token =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'identifier'; readonly text: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'symbol'; readonly text: string };

interface SqliteStep {
  readonly sql: string;
  readonly params: readonly string[];
}

// MySQL string escapes; any other escaped character stands for itself, except \% and \_ which keep their backslash.
const ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a', '%': '\\%', _: '\\_' };
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at line ${sql.slice(0, at).split('\n').length}`);
  };
  while (at < sql.length) {
    const char = sql[at]!;
    const next = sql[at + 1] ?? '';
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '#' || (char === '-' && next === '-' && /^\s?$/.test(sql[at + 2] ?? ''))) {
      const end = sql.indexOf('\n', at);
      at = end < 0 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      // Also drops mysqldump's executable comments (/*!40101 SET … */): session settings SQLite has no use for.
      const end = sql.indexOf('*/', at + 2);
      if (end < 0) fail('unterminated comment');
      at = end + 2;
    } else if (char === "'" || char === '"' || char === '`') {
      let text = '';
      let closed = false;
      at += 1;
      while (at < sql.length) {
        const c = sql[at]!;
        if (c === '\\' && char !== '`') {
          const escaped = sql[at + 1] ?? fail('unterminated string');
          text += ESCAPES[escaped] ?? escaped;
          at += 2;
        } else if (c === char && sql[at + 1] === char) {
          text += char;
          at += 2;
        } else if (c === char) {
          at += 1;
          closed = true;
          break;
        } else {
          text += c;
          at += 1;
        }
      }
      if (!closed) fail('unterminated quoted text');
      tokens.push({ kind: char === '`' ? 'identifier' : 'string', text });
    } else if (/\d/.test(char) || (char === '.' && /\d/.test(next))) {
      if (char === '0' && /[xb]/i.test(next)) fail('hex and bit literals are not supported');
      NUMBER.lastIndex = at;
      const text = NUMBER.exec(sql)![0];
      tokens.push({ kind: 'number', text });
      at += text.length;
    } else if (/[A-Za-z_$]/.test(char)) {
      WORD.lastIndex = at;
      const text = WORD.exec(sql)![0];
      if (/^[xb]$/i.test(text) && sql[at + 1] === "'") fail('hex and bit literals are not supported');
      tokens.push({ kind: 'word', text });
      at += text.length;
    } else {
      tokens.push({ kind: 'symbol', text: char });
      at += 1;
    }
  }
  return tokens;
}

function splitStatements(tokens: Token[]): Token[][] {
  const statements: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'symbol' && token.text === ';') statements.push([]);
    else statements[statements.length - 1]!.push(token);
  }
  return statements.filter((statement) => statement.length > 0);
}

const SKIPPED = new Set(['LOCK', 'UNLOCK', 'SET', 'USE', 'BEGIN', 'START', 'COMMIT']);

function translateStatement(tokens: Token[]): SqliteStep[] {
  const reader = new TokenReader(tokens);
  const verb = reader.word();
  if (SKIPPED.has(verb)) return [];
  if (verb === 'DROP') return translateDrop(reader);
  if (verb === 'CREATE') return [translateCreateTable(reader)];
  if (verb === 'INSERT' || verb === 'REPLACE') return translateInsert(reader, verb);
  throw new Error(`unsupported statement: ${tokens.slice(0, 4).map((token) => token.text).join(' ')}`);
}

function translateDrop(reader: TokenReader): SqliteStep[] {
  reader.expectWord('TABLE');
  const ifExists = reader.acceptWords('IF', 'EXISTS');
  const steps: SqliteStep[] = [];
  do steps.push({ sql: `drop table ${ifExists ? 'if exists ' : ''}${quote(reader.name())}`, params: [] });
  while (reader.acceptSymbol(','));
  return steps;
}

function translateCreateTable(reader: TokenReader): SqliteStep {
  reader.expectWord('TABLE');
  const ifNotExists = reader.acceptWords('IF', 'NOT', 'EXISTS');
  const table = reader.name();
  const definitions = new TokenReader(reader.group()).splitAtCommas().map((item) => translateTableItem(new TokenReader(item)));
  // Whatever follows the closing parenthesis is a table option: ENGINE=, AUTO_INCREMENT=, DEFAULT CHARSET=, COMMENT=.
  const sql = `create table ${ifNotExists ? 'if not exists ' : ''}${quote(table)} (${definitions.filter(Boolean).join(', ')})`;
  return { sql, params: [] };
}

function translateTableItem(item: TokenReader): string | undefined {
  const head = item.peekWord();
  if (head === 'PRIMARY') {
    item.expectWord('PRIMARY');
    item.expectWord('KEY');
    return `primary key (${keyColumns(item)})`;
  }
  if (head === 'UNIQUE') {
    item.expectWord('UNIQUE');
    if (!item.acceptWords('KEY')) item.acceptWords('INDEX');
    if (!item.atSymbol('(')) item.name();
    return `unique (${keyColumns(item)})`;
  }
  if (['KEY', 'INDEX', 'FULLTEXT', 'SPATIAL', 'CONSTRAINT', 'FOREIGN', 'CHECK'].includes(head ?? '')) return undefined;
  return translateColumn(item);
}

function keyColumns(item: TokenReader): string {
  // Key parts may carry a prefix length (`name`(10)) or an order (ASC/DESC); SQLite needs only the names.
  return new TokenReader(item.group())
    .splitAtCommas()
    .map((part) => quote(new TokenReader(part).name()))
    .join(', ');
}

function translateColumn(item: TokenReader): string {
  const name = item.name();
  const baseType = item.word();
  const typeArguments = item.atSymbol('(') ? item.group() : [];
  let notNull = false;
  let autoIncrement = false;
  let primaryKey = false;
  let unique = false;
  let defaultValue: string | undefined;
  while (!item.done()) {
    const word = item.word();
    if (['UNSIGNED', 'SIGNED', 'ZEROFILL', 'NULL'].includes(word)) continue;
    if (word === 'NOT') {
      item.expectWord('NULL');
      notNull = true;
    } else if (word === 'DEFAULT') {
      defaultValue = item.literal();
      if (item.atSymbol('(')) item.group(); // CURRENT_TIMESTAMP(6)
    } else if (word === 'AUTO_INCREMENT') {
      autoIncrement = true;
    } else if (word === 'PRIMARY' || word === 'KEY') {
      item.acceptWords('KEY');
      primaryKey = true;
    } else if (word === 'UNIQUE') {
      item.acceptWords('KEY');
      unique = true;
    } else if (word === 'COMMENT') {
      item.literal();
    } else if (word === 'CHARACTER' || word === 'CHARSET' || word === 'COLLATE') {
      item.acceptWords('SET');
      item.name();
    } else if (word === 'ON') {
      item.expectWord('UPDATE');
      item.word();
      if (item.atSymbol('(')) item.group();
    } else {
      throw new Error(`unsupported column attribute ${word} of ${name}`);
    }
  }
  const base = baseType.toLowerCase();
  // An AUTO_INCREMENT key must be declared INTEGER to become SQLite's rowid, which numbers rows inserted without it.
  const type = autoIncrement
    ? 'INTEGER'
    : ['enum', 'set', 'json'].includes(base)
      ? 'text'
      : `${base}${typeArguments.length ? `(${typeArguments.map((token) => token.text).join('')})` : ''}`;
  return [quote(name), type, notNull && 'NOT NULL', defaultValue !== undefined && `DEFAULT ${defaultValue}`, primaryKey && 'PRIMARY KEY', unique && 'UNIQUE']
    .filter(Boolean)
    .join(' ');
}

function translateInsert(reader: TokenReader, verb: string): SqliteStep[] {
  for (const modifier of ['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY']) reader.acceptWords(modifier);
  const ignore = reader.acceptWords('IGNORE');
  reader.acceptWords('INTO');
  const table = reader.name();
  const columns = reader.atSymbol('(') ? new TokenReader(reader.group()).splitAtCommas().map((part) => quote(new TokenReader(part).name())) : undefined;
  if (!reader.acceptWords('VALUES')) reader.expectWord('VALUE');
  const conflict = verb === 'REPLACE' ? 'or replace ' : ignore ? 'or ignore ' : '';
  const into = `insert ${conflict}into ${quote(table)}${columns ? ` (${columns.join(', ')})` : ''} values `;
  const steps: SqliteStep[] = [];
  do {
    const params: string[] = [];
    const values = new TokenReader(reader.group()).splitAtCommas().map((part) => {
      const value = new TokenReader(part);
      const token = value.peek();
      if (token?.kind === 'string' && part.length === 1) {
        params.push(token.text);
        return '?';
      }
      const literal = value.literal();
      if (!value.done()) throw new Error(`unsupported value in ${table}: ${part.map((t) => t.text).join(' ')}`);
      return literal;
    });
    steps.push({ sql: `${into}(${values.join(', ')})`, params });
  } while (reader.acceptSymbol(','));
  if (!reader.done()) throw new Error(`unsupported INSERT clause in ${table}: ${reader.peek()?.text}`);
  return steps;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A cursor over one statement's tokens. */
class TokenReader {
  #at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    return this.#at >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.#at];
  }

  peekWord(): string | undefined {
    const token = this.peek();
    return token?.kind === 'word' ? token.text.toUpperCase() : undefined;
  }

  atSymbol(symbol: string): boolean {
    const token = this.peek();
    return token?.kind === 'symbol' && token.text === symbol;
  }

  acceptSymbol(symbol: string): boolean {
    if (!this.atSymbol(symbol)) return false;
    this.#at += 1;
    return true;
  }

  /** Consumes the words if they come next, all of them. */
  acceptWords(...words: string[]): boolean {
    const ahead = this.tokens.slice(this.#at, this.#at + words.length);
    if (ahead.length < words.length || !ahead.every((token, index) => token.kind === 'word' && token.text.toUpperCase() === words[index])) return false;
    this.#at += words.length;
    return true;
  }

  word(): string {
    const word = this.peekWord();
    if (word === undefined) throw new Error(`expected a keyword, found ${this.describeNext()}`);
    this.#at += 1;
    return word;
  }

  expectWord(word: string): void {
    if (!this.acceptWords(word)) throw new Error(`expected ${word}, found ${this.describeNext()}`);
  }

  /** A table or column name, backticked or bare. */
  name(): string {
    const token = this.peek();
    if (token?.kind !== 'identifier' && token?.kind !== 'word') throw new Error(`expected a name, found ${this.describeNext()}`);
    this.#at += 1;
    return token.text;
  }

  /** A literal as SQLite text: a string, a signed number, NULL, TRUE, FALSE or CURRENT_TIMESTAMP. */
  literal(): string {
    const token = this.peek();
    this.#at += 1;
    if (token?.kind === 'string') return `'${token.text.replaceAll("'", "''")}'`;
    if (token?.kind === 'number') return token.text;
    if (token?.kind === 'symbol' && (token.text === '-' || token.text === '+') && this.peek()?.kind === 'number') return token.text + this.number();
    if (token?.kind === 'word' && ['NULL', 'TRUE', 'FALSE', 'CURRENT_TIMESTAMP'].includes(token.text.toUpperCase())) return token.text.toUpperCase();
    this.#at -= 1;
    throw new Error(`expected a literal, found ${this.describeNext()}`);
  }

  /** The tokens inside the parenthesised group that comes next, which is consumed. */
  group(): Token[] {
    if (!this.acceptSymbol('(')) throw new Error(`expected (, found ${this.describeNext()}`);
    const start = this.#at;
    let depth = 1;
    for (; this.#at < this.tokens.length; this.#at += 1) {
      const token = this.tokens[this.#at]!;
      if (token.kind !== 'symbol') continue;
      if (token.text === '(') depth += 1;
      if (token.text === ')' && --depth === 0) {
        this.#at += 1;
        return this.tokens.slice(start, this.#at - 1);
      }
    }
    throw new Error('unbalanced parentheses');
  }

  /** The remaining tokens split at commas outside parentheses. */
  splitAtCommas(): Token[][] {
    const parts: Token[][] = [[]];
    let depth = 0;
    for (const token of this.tokens.slice(this.#at)) {
      if (token.kind === 'symbol' && token.text === '(') depth += 1;
      if (token.kind === 'symbol' && token.text === ')') depth -= 1;
      if (token.kind === 'symbol' && token.text === ',' && depth === 0) parts.push([]);
      else parts[parts.length - 1]!.push(token);
    }
    this.#at = this.tokens.length;
    return parts;
  }

  private number(): string {
    const token = this.peek()!;
    this.#at += 1;
    return token.text;
  }

  private describeNext(): string {
    const token = this.peek();
    return token ? `${token.kind} ${JSON.stringify(token.text)}` : 'the end of the statement';
  }
}
