/** Writing big output to stdout without holding it all, and without a stack trace when the reader goes away. */

/**
 * Writes the chunks one by one, waiting for each to drain: stdout to a pipe buffers in memory whatever the
 * reader has not taken yet, and `simulate --format json` can be gigabytes. Stops at the first write error and
 * returns it (the stream's 'error' event is then handled here, so Node prints no stack trace).
 */
export async function writeStdout(chunks: Iterable<string>): Promise<Error | undefined> {
  const out = process.stdout;
  let failure: Error | undefined;
  out.on('error', (error) => (failure ??= error));
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        out.off('drain', done).off('error', done).off('close', done);
        resolve();
      };
      out.on('drain', done).on('error', done).on('close', done);
    });
  for (const chunk of chunks) {
    let more = false;
    try {
      more = out.write(chunk);
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
    // Writing to a file fails at once (out.errored); to a pipe, in an 'error' event while we wait.
    failure ??= out.errored ?? undefined;
    if (failure === undefined && !more) await drained();
    if (failure !== undefined) return failure;
  }
  // The last chunks may still be queued: a failure to write them counts too.
  if (out.writableNeedDrain && failure === undefined) await drained();
  return failure;
}

/** The exit code after writing: EPIPE (the reader, e.g. `| head`, has all it wanted) is not an error of ours. */
export function exitCodeAfterWrite(writeError: Error | undefined, exitCode: number): number {
  if (writeError === undefined || (writeError as NodeJS.ErrnoException).code === 'EPIPE') return exitCode;
  process.stderr.write(`k8s-dryrun: cannot write the output: ${writeError.message}\n`);
  return 2;
}
