/**
 * The status bar item: the size and health of the fact base, as the server reports it in the
 * `factcheck/status` notification. Fact-base errors are shown as problems in the fact files
 * themselves; the item only says that there are some and opens the fact base when clicked.
 */

import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { describeFactBaseSize, STATUS_NOTIFICATION, type StatusParams } from '../../server/src/protocol.js';

/** What the status bar item shows for one status. */
export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly error: boolean;
}

/** Shows a count with its noun, in the singular when the count is one. */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * Describes a status for the status bar, in the words `factcheck --check-facts` prints: the
 * item counts entities, statements and quotations; the tooltip adds the sources and files.
 */
export function statusView(status: StatusParams): StatusView {
  const counts = describeFactBaseSize(status, status.files.length);
  if (status.errors > 0) {
    return {
      text: `$(error) Factcheck: fact base has ${count(status.errors, 'error')}`,
      tooltip:
        `The fact base has ${count(status.errors, 'error')}; they are shown as problems in the fact files.\n` +
        `Loaded: ${counts}.\nClick to open a fact file.`,
      error: true,
    };
  }
  return {
    text: `$(check) Factcheck: ${describeFactBaseSize(status)}`,
    tooltip: `Fact base: ${counts}.\nClick to open a fact file.`,
    error: false,
  };
}

/** Creates the status bar item and keeps it up to date with the client's state and the server's status. */
export function registerStatusBar(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('factcheck.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Factcheck';
  item.command = 'factcheck.openFactBase';

  const show = (view: StatusView): void => {
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.backgroundColor = view.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  show({ text: '$(loading~spin) Factcheck', tooltip: 'Factcheck is loading the fact base.', error: false });

  const onStatus = client.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => show(statusView(status)));
  const onState = client.onDidChangeState(({ newState }) => {
    if (newState === State.Starting) {
      show({ text: '$(loading~spin) Factcheck', tooltip: 'Factcheck is loading the fact base.', error: false });
    } else if (newState === State.Stopped) {
      show({
        text: '$(circle-slash) Factcheck: stopped',
        tooltip: 'The Factcheck server is not running. Run "Factcheck: Restart Server" to start it again.',
        error: false,
      });
    }
  });
  return vscode.Disposable.from(item, onStatus, onState);
}
