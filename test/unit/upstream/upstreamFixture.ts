/** What every upstream-case test shares: reading its fixture, the rules it compares with, skipped cases, error types. */
import * as fs from 'fs';
import * as path from 'path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../server/src/core/findings';
import type { Rule } from '../../../server/src/core/rules/rule';

const repoRoot = path.resolve(__dirname, '../../../..');

/** A finding as a fixture expects it: field path and error type, and the message where the fixture pins it. */
export interface Expected {
  readonly fieldPath: string;
  readonly type: string;
  readonly message?: string;
  /** 1-based, where an example pins the line. */
  readonly line?: number;
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

/** A case's object: the fixture's base with the case's parts merged in (objects key by key, null removes a key, anything else replaces). */
export function mergeCase(target: unknown, patch: unknown): unknown {
  if (!isObject(patch) || !isObject(target)) return structuredClone(patch);
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = key in out ? mergeCase(out[key], value) : structuredClone(value);
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Findings against a case's expectations, in order: field path and error type, and the message and line where pinned. */
export function assertFindings(findings: readonly Finding[], expected: readonly Expected[]): void {
  const actual = findings.map((finding, i) => {
    const want = expected[i];
    return {
      fieldPath: finding.fieldPath,
      type: errorType(finding.message),
      ...(want?.message !== undefined ? { message: finding.message } : {}),
      ...(want?.line !== undefined ? { line: finding.range.start.line + 1 } : {}),
    };
  });
  assert.deepEqual(actual, expected, findings.map((f) => `${f.ruleId} ${f.fieldPath}: ${f.message}`).join('\n'));
}
