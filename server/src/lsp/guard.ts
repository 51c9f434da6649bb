/**
 * Every handler goes through guard(): an exception is logged and turned into an empty result,
 * so one bad document never takes the server down.
 */
import type { Connection } from 'vscode-languageserver/node';

export type Guard = <Args extends unknown[], Result>(
  name: string,
  fallback: Result,
  handler: (...args: Args) => Result | Promise<Result>,
) => (...args: Args) => Promise<Result>;

export function createGuard(connection: Connection): Guard {
  return (name, fallback, handler) =>
    async (...args) => {
      try {
        return await handler(...args);
      } catch (error) {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        connection.console.error(`k8s-dryrun: ${name} failed: ${detail}`);
        return fallback;
      }
    };
}
