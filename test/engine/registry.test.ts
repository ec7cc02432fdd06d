/**
 * Habits as checks: every registered check has a unique code, a documentation section in
 * docs/checks.md and a fixture in test/fixtures/checks.
 */

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { ALL_CHECKS } from '../../server/src/engine/checks/index.js';

const repo = join(import.meta.dirname, '..', '..');

it('every check is unique, documented and has a fixture', () => {
  const docs = readFileSync(join(repo, 'docs', 'checks.md'), 'utf8');
  const codes = ALL_CHECKS.map((c) => c.code);
  assert.equal(new Set(codes).size, codes.length, 'duplicate codes');
  for (const c of ALL_CHECKS) {
    assert.match(c.code, /^[a-z][a-z-]*$/);
    assert.ok(docs.includes(`## \`${c.code}\``), `docs/checks.md has no section for ${c.code}`);
    assert.ok(existsSync(join(repo, 'test', 'fixtures', 'checks', `${c.code}.md`)), `no fixture for ${c.code}`);
    assert.ok(c.description.length > 20, `${c.code} has no description`);
  }
});

it('the settings and .factcheck.yaml list every check code for severities', () => {
  const codes = ALL_CHECKS.map((c) => c.code).sort();
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const settings = Object.keys(manifest.contributes.configuration.properties['factcheck.severity'].properties).sort();
  assert.deepEqual(settings, codes, 'package.json factcheck.severity');
  const config = JSON.parse(readFileSync(join(repo, 'schemas', 'factcheck-config.schema.json'), 'utf8'));
  assert.deepEqual([...config.properties.severity.propertyNames.enum].sort(), codes, 'schemas/factcheck-config.schema.json severity');
});
