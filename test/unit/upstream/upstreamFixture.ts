/** What every upstream-case test shares: reading its fixture, the rules it compares with, skipped cases, error types. */
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import type { Rule } from '../../../server/src/core/rules/rule';

const repoRoot = path.resolve(__dirname, '../../../..');

/** A finding as a fixture expects it: field path and error type, and the message where the fixture pins it. */
export interface Expected {
  readonly fieldPath: string;
  readonly type: string;
  readonly message?: string;
}

/** test/fixtures/upstream/<name>.json, as carried over from the upstream validation_test.go tables. */
export function loadUpstreamFixture<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/upstream', `${name}.json`), 'utf8')) as T;
}

/** The ids of the rules whose findings a fixture's cases are compared with. */
export function ruleIdsOf(rules: readonly Rule[]): Set<string> {
  return new Set(rules.map((rule) => rule.meta.id));
}

/** A case upstream has but we do not carry over becomes a skipped test with its reason; true for such a case. */
export function declaredSkipped(name: string, upstream: { readonly skipped?: string }): boolean {
  if (upstream.skipped === undefined) return false;
  test(name, { skip: upstream.skipped }, () => undefined);
  return true;
}

/** The API server's error type word: what precedes the first `: ` of the message (or the whole message). */
export function errorType(message: string): string {
  const colon = message.indexOf(': ');
  return colon === -1 ? message : message.slice(0, colon);
}
