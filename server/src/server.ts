/**
 * Language server entry. VS Code starts it over node IPC; `node dist/server.js --stdio` serves any other
 * LSP editor. createConnection() picks the transport from the command line (--node-ipc, --stdio, --socket=N).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './lsp/languageServer';

startLanguageServer(createConnection(ProposedFeatures.all));
