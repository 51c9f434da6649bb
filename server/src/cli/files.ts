/** Expands the CLI's file and directory arguments to YAML files, reporting what cannot be read. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface Expanded {
  readonly files: string[];
  readonly errors: string[];
}

export function expandPaths(paths: readonly string[]): Expanded {
  const files: string[] = [];
  const errors: string[] = [];
  const visit = (path: string, explicit: boolean): void => {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      errors.push(`${path}: ${describeIoError(error)}`);
      return;
    }
    if (!isDirectory) {
      // A file named on the command line is linted whatever its extension.
      if (explicit || YAML_FILE.test(path)) files.push(path);
      return;
    }
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch (error) {
      errors.push(`${path}: ${describeIoError(error)}`);
      return;
    }
    for (const entry of entries) {
      if (!SKIPPED_DIRECTORIES.has(entry)) visit(join(path, entry), false);
    }
  };
  for (const path of paths) visit(path, true);
  return { files, errors };
}

export function describeIoError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
