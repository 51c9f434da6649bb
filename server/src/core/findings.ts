/** What the linter reports, independent of LSP and of the CLI's output formats. */
import type { Fix } from './parse/edits';
import type { Path } from './parse/path';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** 0-based, UTF-16 code units, as in LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** The API server's field path for rules that mirror it; '' for findings about the whole file. */
  readonly fieldPath: string;
  /** For API-server rules: exactly what follows `<fieldPath>: ` in the API server's error. */
  readonly message: string;
  /** A plain explanation in the user's language, shown after an API server message that needs one. */
  readonly note?: string;
  readonly range: Range;
  /** Index of the `---` document in the file. */
  readonly document: number;
  readonly kind?: string;
  readonly name?: string;
  /** Quick fixes, as text edits, where the fix is unambiguous. */
  readonly fixes?: readonly Fix[];
}

/** Where in the document a finding points, when that differs from its field path. */
export type Anchor = { readonly path: Path; readonly part: 'key' | 'value' };
