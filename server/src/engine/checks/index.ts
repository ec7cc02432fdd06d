/**
 * The registry of checks. Every check is listed here once; a test asserts that each is
 * documented (docs/checks.md) and has a fixture (test/fixtures/checks/<code>.md).
 */

import { argument } from './argument.js';
import { attribution } from './attribution.js';
import { date } from './date.js';
import { description } from './description.js';
import { lineage } from './lineage.js';
import { nationality } from './nationality.js';
import { office } from './office.js';
import { place } from './place.js';
import { quantity } from './quantity.js';
import { quotation } from './quotation.js';
import { relation } from './relation.js';
import type { Check } from './types.js';

export const ALL_CHECKS: readonly Check[] = [lineage, quantity, attribution, office, nationality, quotation, date, place, argument, description, relation];
