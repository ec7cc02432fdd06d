/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. Columns are 1-based UTF-16 code
 * units (SARIF's default `columnKind`), lines 1-based.
 */

import { ALL_CHECKS } from '../engine/checks/index.js';
import type { Range } from '../engine/text/positions.js';
import type { ReportFile } from './model.js';

const LEVEL = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' } as const;

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function formatSarif(files: readonly ReportFile[], version: string): string {
  const uri = (path: string) => (path === '<stdin>' ? 'stdin' : path.split('\\').join('/'));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'factcheck',
            version,
            rules: ALL_CHECKS.map((c) => ({ id: c.code, shortDescription: { text: c.description } })),
          },
        },
        results: files.flatMap((file) =>
          file.diagnostics.map((d) => ({
            ruleId: d.code,
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(file.path) }, region: region(d.range) } }],
            fixes: d.fixes.map((f) => ({
              description: { text: f.title },
              artifactChanges: [
                {
                  artifactLocation: { uri: uri(file.path) },
                  replacements: f.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                },
              ],
            })),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
