import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { createGuard } from '../../server/src/lsp/guard';
import { inProcessPair, withTimeout } from './lspClient';

/** A request that only this test registers; plain method names keep the two jsonrpc copies out of it. */
const BOOM = 'test/boom';

test('a handler that throws is logged and answered with its empty result; the connection lives on', async () => {
  const { client, server } = inProcessPair((input, output) => {
    const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
    const logged: string[] = [];
    connection.console.error = (message: string) => void logged.push(message);
    const guard = createGuard(connection);
    connection.onRequest(
      BOOM,
      guard('boom', [] as string[], ({ fail }: { fail: boolean }) => {
        if (fail) throw new Error('bad document');
        return ['fine'];
      }),
    );
    connection.listen();
    return { connection, logged };
  });
  try {
    assert.deepEqual(await withTimeout(client.connection.sendRequest(BOOM, { fail: true }), 'boom'), []);
    assert.match(server.logged.join('\n'), /k8s-dryrun: boom failed: Error: bad document/);
    assert.deepEqual(await withTimeout(client.connection.sendRequest(BOOM, { fail: false }), 'second request'), ['fine']);
  } finally {
    await client.close();
    server.connection.dispose();
  }
});
