/**
 * The Factcheck language server: wiring only. It loads the fact base at start-up and reports
 * the fact base's problems in the log; the checks are bound here as they are built.
 */

import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadFactBaseFromDisk } from './node/loadFacts.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
  serverInfo: { name: 'factcheck' },
}));

connection.onInitialized(() => {
  loadFactBaseFromDisk().then(
    ({ base, problems }) => {
      const { entities, statements } = base.size;
      connection.console.info(`fact base loaded: ${entities} entities, ${statements} statements`);
      for (const p of problems) connection.console.warn(`${p.file}:${p.line}:${p.column} ${p.message}`);
    },
    (e: unknown) => connection.console.error(`fact base failed to load: ${String(e)}`),
  );
});

documents.listen(connection);
connection.listen();
