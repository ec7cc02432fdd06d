/**
 * Turning a denial into the affirmation the fact base supports, for the quick fix of a refuted
 * denial: "did not end" → "ended", "is not based on" → "is based on", "never said" → "said",
 * "wasn't" → "was". The result keeps the writer's words and tense; when no safe rewrite is
 * known, there is no fix rather than a clumsy one.
 */

/** Past tenses of the irregular verbs that claims in this domain use. */
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  be: 'was', become: 'became', begin: 'began', buy: 'bought', find: 'found', get: 'got', give: 'gave', go: 'went',
  have: 'had', hold: 'held', lead: 'led', make: 'made', meet: 'met', ride: 'rode', say: 'said', sell: 'sold',
  send: 'sent', take: 'took', tell: 'told', write: 'wrote', break: 'broke', build: 'built', fight: 'fought',
  keep: 'kept', leave: 'left', put: 'put', read: 'read', see: 'saw', speak: 'spoke', spend: 'spent', win: 'won',
};

/** The simple past of a verb: irregular ones from the table, others by the spelling rules. */
export function pastTense(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular = IRREGULAR_PAST[lower];
  if (irregular) return matchCase(verb, irregular);
  if (/e$/.test(lower)) return `${verb}d`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ied`;
  if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(lower)) return `${verb}${verb.slice(-1)}ed`;
  return `${verb}ed`;
}

/** The third person singular of a verb. */
function presentTense(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower === 'have') return matchCase(verb, 'has');
  if (/(?:s|sh|ch|x|z|o)$/.test(lower)) return `${verb}es`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

function matchCase(model: string, word: string): string {
  return /^\p{Lu}/u.test(model) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * The words without their negation, or undefined when the words hold no negation this knows how
 * to take out. `words` is the denying stretch of a sentence, such as "did not receive".
 */
export function affirm(words: string): string | undefined {
  const w = words.trim();
  // "did not V", "didn't V", "does not V", "doesn't V", "do not V": the auxiliary carries the tense.
  let m = /^(did|does|do)(?:\s+not|n['’]t)\s+(?:(?:ever|actually|really|once)\s+)?(\p{L}+)(.*)$/iu.exec(w);
  if (m) {
    const [, aux, verb, rest] = m as unknown as [string, string, string, string];
    const lower = aux.toLowerCase();
    const form = lower === 'did' ? pastTense(verb) : lower === 'does' ? presentTense(verb) : verb;
    return matchCase(aux, form) + rest;
  }
  // "never V-ed": drop the adverb.
  m = /^never\s+(.+)$/iu.exec(w);
  if (m) return matchCase(w, m[1]!);
  // "is not", "was not", "has not been", "cannot": drop "not".
  m = /^(.*?\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should))\s+(?:not|never)\b\s*(.*)$/iu.exec(w);
  if (m) return [m[1], m[2]].filter(Boolean).join(' ');
  // "isn't", "wasn't", "hasn't": drop "n't" ("can't" and "won't" change their stem).
  m = /^(.*?\b)(is|are|was|were|has|have|had|would|could|should|must)n['’]t\b(.*)$/iu.exec(w);
  if (m) return `${m[1]}${m[2]}${m[3]}`;
  m = /^(.*?\b)(?:can['’]t|cannot)\b(.*)$/iu.exec(w);
  if (m) return `${m[1]}can${m[2]}`;
  m = /^(.*?\b)won['’]t\b(.*)$/iu.exec(w);
  if (m) return `${m[1]}will${m[2]}`;
  // "no longer V": drop it.
  m = /^no\s+longer\s+(.+)$/iu.exec(w);
  if (m) return m[1]!;
  return undefined;
}

/** `{ replacement }` for a judgement of a refuted denial, or nothing when no rewrite is known. */
export function affirmation(words: string): { replacement?: string } {
  const positive = affirm(words);
  return positive === undefined ? {} : { replacement: positive };
}
