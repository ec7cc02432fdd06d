/**
 * The registry of checks. Every check is listed here once; a test asserts that each is
 * documented (docs/checks.md) and has a fixture (test/fixtures/checks/<code>.md).
 */

import { lineage } from './lineage.js';
import type { Check } from './types.js';

export const ALL_CHECKS: readonly Check[] = [lineage];
