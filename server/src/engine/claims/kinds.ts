/**
 * Groups of entity types that checks treat alike, and the words that mark a design origin
 * (which belongs to the lineage check, so other checks leave it alone).
 */

/** Things that are designed, built and copied. */
export const WEAPON_TYPES: readonly string[] = ['missile', 'submarine-class', 'vessel-type', 'weapon'];

/** Bodies that have a nationality and can act: firms, agencies, panels. */
export const ORGANIZATION_TYPES: readonly string[] = ['organization', 'government-body'];

/** "Chinese design", "Chinese-designed", "of Chinese origin": the words after a demonym. */
export const DESIGN_WORD = /^[\s\u2010-\u2014-]*(?:design|designed|origin)\b/i;
