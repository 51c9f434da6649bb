/** What every upstream-case test shares: reading its fixture and the error type word of a message. */
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '../../../..');

/** test/fixtures/upstream/<name>.json, as carried over from the upstream validation_test.go tables. */
export function loadUpstreamFixture<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/upstream', `${name}.json`), 'utf8')) as T;
}

/** The API server's error type word: what precedes the first `: ` of the message (or the whole message). */
export function errorType(message: string): string {
  const colon = message.indexOf(': ');
  return colon === -1 ? message : message.slice(0, colon);
}
