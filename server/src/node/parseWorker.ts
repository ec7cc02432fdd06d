/**
 * The worker thread that parses Markdown for the language server (node/parsePool.ts): it holds
 * no fact base, only the parser, so starting one after a parse ran past its budget is cheap.
 * Before its first request it parses a sample draft a few times, one task each, so that the
 * first draft a writer opens is parsed by compiled code.
 */

import { parentPort } from 'node:worker_threads';
import { parseRequest, type ParseRequest } from '../engine/markdown/incremental.js';
import type { RootBlock } from '../engine/markdown/parse.js';
import { serveRequests } from './budgetedWorker.js';

export type ParseReply = readonly RootBlock[];

/** The sample: the constructs drafts use, repeated to a few thousand words. */
const SAMPLE = `---
title: A sample
bibliography: refs.json
---

# A heading

A paragraph with *emphasis*, **strong words**, \`code\`, a [link](https://example.org) and a footnote.[^1]

- A list item about a missile
- Another, with a [reference][ref]

> A quotation in a block quote, with "quotes" inside.

| Column | Other |
|---|---|
| a cell | another cell |

[^1]: A footnote definition.
[ref]: https://example.org

`;

const WARM_UP_PASSES = 3;

function warmUp(left: number): void {
  if (left === 0) return;
  parseRequest({ text: SAMPLE.repeat(30), fragment: false });
  parseRequest({ text: SAMPLE.slice(SAMPLE.indexOf('A paragraph')).repeat(3), fragment: true });
  setImmediate(() => warmUp(left - 1));
}

if (parentPort) {
  serveRequests<ParseRequest, ParseReply, undefined>(parentPort, undefined, parseRequest);
  setImmediate(() => warmUp(WARM_UP_PASSES));
}
