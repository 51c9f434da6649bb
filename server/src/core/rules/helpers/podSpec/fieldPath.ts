/**
 * A field path kept twice: as the API server prints it (k8s.io/apimachinery field.Path: `.child`, `[index]`,
 * `[key]`) and as the place in the document to underline. The two differ where upstream reports at a path
 * that does not exist in the manifest (e.g. `volumeMounts.subPath` without the index) or prints a map key
 * in brackets (`resources.limits[memory]`).
 */
import { formatPath, type Path } from '../../../parse/path';
import type { RuleFinding } from '../../rule';

export class FieldPath {
  private constructor(
    /** field.Path.String(). */
    readonly go: string,
    /** Where to underline in the document. */
    readonly doc: Path,
  ) {}

  /** A root at a document path, printed as field.NewPath(...).Child(...) would print it. */
  static at(doc: Path): FieldPath {
    return new FieldPath(formatGo(doc), doc);
  }

  child(name: string): FieldPath {
    return new FieldPath(`${this.go}.${name}`, [...this.doc, name]);
  }

  /** A child that exists in the API server's path only (the document has no such node). */
  virtual(name: string): FieldPath {
    return new FieldPath(`${this.go}.${name}`, this.doc);
  }

  index(i: number): FieldPath {
    return new FieldPath(`${this.go}[${i}]`, [...this.doc, i]);
  }

  /** field.Path.Key: always `[key]`, whatever the key looks like. */
  key(k: string): FieldPath {
    return new FieldPath(`${this.go}[${k}]`, [...this.doc, k]);
  }

  /** The same document node, printed under another API server path (upstream's typos and renames). */
  withGo(go: string): FieldPath {
    return new FieldPath(go, this.doc);
  }

  /** The same API server path, underlined elsewhere in the document. */
  underline(doc: Path): FieldPath {
    return new FieldPath(this.go, doc);
  }

  finding(message: string): RuleFinding {
    return this.go === formatPath(this.doc) ? { path: this.doc, message } : { path: this.doc, fieldPath: this.go, message };
  }
}

function formatGo(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
