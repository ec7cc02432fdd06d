/**
 * *Open Fact Base* lists fact files by name, with where they are as the description, so that a
 * long path never hides the file name.
 */

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { factFileLabels } from '../../client/src/factFileLabels.js';

it('file names first; the folder, "shipped with Factcheck" or ~ as the description', () => {
  const extension = '/root/.vscode-server/extensions/factcheck.factcheck-0.1.0';
  const rows = factFileLabels(
    [`${extension}/facts/base/weapons.yaml`, '/home/ann/memo/team-facts/missiles.yaml', `${extension}/facts/base/people.yaml`, '/home/ann/shared/facts/extra.yaml', '/home/ann/memo/local.facts.yaml'],
    { workspaceFolders: [{ path: '/home/ann/memo', name: 'memo' }], extensionPath: extension, home: '/home/ann' },
  );
  assert.deepEqual(rows.map((r) => [r.label, r.description]), [
    ['missiles.yaml', 'team-facts'],
    ['local.facts.yaml', 'workspace'],
    ['people.yaml', 'shipped with Factcheck'],
    ['weapons.yaml', 'shipped with Factcheck'],
    ['extra.yaml', '~/shared/facts'],
  ]);
});

it('with several workspace folders, the folder’s name says which', () => {
  const rows = factFileLabels(['/w/a/facts/x.yaml', '/w/b/y.yaml'], { workspaceFolders: [{ path: '/w/a', name: 'a' }, { path: '/w/b', name: 'b' }] });
  assert.deepEqual(rows.map((r) => [r.label, r.description]), [['x.yaml', 'a/facts'], ['y.yaml', 'b']]);
});
