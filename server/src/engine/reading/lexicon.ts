/**
 * The words the reading layer knows by heart: the closed classes of English (determiners,
 * pronouns, prepositions, conjunctions, auxiliaries), a table of verbs with their irregular
 * forms, and the lemma rules for the rest. Open-class words that are not listed are tagged from
 * their shape and their neighbours (words.ts).
 *
 * Everything is keyed by the folded form (lower case, no diacritics), as tokens carry it.
 */

/** A coarse part of speech, enough to find phrases and clauses. */
export type Tag =
  | 'DET' // the, a, this, some
  | 'PRON' // he, it, they
  | 'PPOSS' // his, its, their
  | 'POSS' // the possessive 's
  | 'PREP' // of, in, from
  | 'CONJ' // and, or, but
  | 'SUB' // when, while, although, if
  | 'REL' // who, which, whose
  | 'WH' // what, how, why, where
  | 'AUX' // be, have, do in all forms
  | 'MODAL' // will, would, may
  | 'NEG' // not, n't, never
  | 'TO' // to before a verb
  | 'ADV'
  | 'VERB'
  | 'NOUN'
  | 'ADJ'
  | 'PROPN'
  | 'NUM'
  | 'SYM' // $ % & /
  | 'PUNCT';

const list = (words: string): string[] => words.trim().split(/\s+/);

export const DETERMINERS = new Set(list('the a an this that these those some any each every no another both either neither all such what whatever half several many few'));
export const PRONOUNS = new Set(list('he she it they we i you him them us me himself herself itself themselves ourselves myself yourself one someone anyone everyone nobody somebody everything something nothing anything who'));
export const POSSESSIVE_PRONOUNS = new Set(list('his her its their our my your whose'));
export const PREPOSITIONS = new Set(
  list(`of in on at to from by with for about into onto upon over under after before during since until till through
    throughout across against among amongst between toward towards without within via per despite like beyond past near
    off around amid amidst alongside behind beside besides below above inside outside underneath unlike versus vs
    concerning regarding including excluding following ahead atop along aboard`),
);
export const CONJUNCTIONS = new Set(list('and or but nor yet plus'));
export const SUBORDINATORS = new Set(list('when while whereas although though because if unless whether once as lest whenever wherever'));
export const RELATIVES = new Set(list('who whom whose which'));
export const WH_WORDS = new Set(list('what where why how'));
export const MODALS = new Set(list('will would shall should can could may might must'));
export const NEGATIONS = new Set(list('not never neither nor nt'));

/** Forms of the auxiliaries, with their lemma. */
export const AUXILIARIES: ReadonlyMap<string, string> = new Map([
  ...list('is are was were be been being am').map((w) => [w, 'be'] as const),
  ...list('has have had having').map((w) => [w, 'have'] as const),
  ...list('do does did doing done').map((w) => [w, 'do'] as const),
]);

/** Adverbs that do not end in -ly. */
export const ADVERBS = new Set(
  list(`also still then now already only even just later once soon again ever too very quite rather almost nearly well
    far further farther more most less least much often seldom sometimes always here there thus hence however meanwhile
    moreover indeed perhaps maybe instead otherwise therefore anyway yet long ago afterward afterwards earlier hitherto
    nonetheless nevertheless alone apart together back away abroad overseas home forth so not_yet somewhat anew
    reportedly allegedly apparently reputedly supposedly`),
);

/** Adjectives that stand after a noun or a copula ("active in Iran", "hostile to"), which a phrase must not swallow. */
export const ADJECTIVES = new Set(
  list(`active present operational busy entrenched hostile close friendly responsible able aware similar different
    likely unlikely capable willing reluctant eager keen dependent independent loyal opposed allied central crucial
    key vital important unclear clear true false wrong right correct accurate inaccurate available ready involved
    interested concerned worried critical wary skeptical sceptical suspicious`),
);

/** Adjectives and nouns that end in -ly and are not adverbs. */
export const LY_NOT_ADVERB = new Set(list('early only friendly likely unlikely family italy july supply ally rally assembly monopoly anomaly reply belly lily costly deadly elderly lonely lovely ugly holy daily weekly monthly yearly quarterly timely orderly'));

/**
 * Verbs with their irregular forms: lemma → [past, participle]. Regular verbs are recognised
 * from the list below them and the spelling rules.
 */
export const IRREGULAR_VERBS: Readonly<Record<string, readonly [string, string]>> = {
  arise: ['arose', 'arisen'], become: ['became', 'become'], begin: ['began', 'begun'], bring: ['brought', 'brought'],
  build: ['built', 'built'], buy: ['bought', 'bought'], catch: ['caught', 'caught'], choose: ['chose', 'chosen'],
  come: ['came', 'come'], cost: ['cost', 'cost'], cut: ['cut', 'cut'], deal: ['dealt', 'dealt'], draw: ['drew', 'drawn'],
  drive: ['drove', 'driven'], eat: ['ate', 'eaten'], fall: ['fell', 'fallen'], feel: ['felt', 'felt'],
  fight: ['fought', 'fought'], find: ['found', 'found'], fly: ['flew', 'flown'], forge: ['forged', 'forged'],
  forget: ['forgot', 'forgotten'], freeze: ['froze', 'frozen'], get: ['got', 'gotten'], give: ['gave', 'given'],
  go: ['went', 'gone'], grow: ['grew', 'grown'], hang: ['hung', 'hung'], hear: ['heard', 'heard'], hide: ['hid', 'hidden'],
  hit: ['hit', 'hit'], hold: ['held', 'held'], keep: ['kept', 'kept'], know: ['knew', 'known'], lay: ['laid', 'laid'],
  lead: ['led', 'led'], leave: ['left', 'left'], lend: ['lent', 'lent'], let: ['let', 'let'], lie: ['lay', 'lain'],
  lose: ['lost', 'lost'], make: ['made', 'made'], mean: ['meant', 'meant'], meet: ['met', 'met'], pay: ['paid', 'paid'],
  put: ['put', 'put'], quit: ['quit', 'quit'], read: ['read', 'read'], ride: ['rode', 'ridden'], rise: ['rose', 'risen'],
  run: ['ran', 'run'], say: ['said', 'said'], see: ['saw', 'seen'], seek: ['sought', 'sought'], sell: ['sold', 'sold'],
  send: ['sent', 'sent'], set: ['set', 'set'], shake: ['shook', 'shaken'], shoot: ['shot', 'shot'], show: ['showed', 'shown'],
  shut: ['shut', 'shut'], sink: ['sank', 'sunk'], sit: ['sat', 'sat'], speak: ['spoke', 'spoken'], spend: ['spent', 'spent'],
  split: ['split', 'split'], spread: ['spread', 'spread'], stand: ['stood', 'stood'], steal: ['stole', 'stolen'],
  strike: ['struck', 'struck'], swear: ['swore', 'sworn'], sweep: ['swept', 'swept'], swing: ['swung', 'swung'],
  take: ['took', 'taken'], teach: ['taught', 'taught'], tell: ['told', 'told'], think: ['thought', 'thought'],
  throw: ['threw', 'thrown'], understand: ['understood', 'understood'], undertake: ['undertook', 'undertaken'],
  wake: ['woke', 'woken'], wear: ['wore', 'worn'], win: ['won', 'won'], withdraw: ['withdrew', 'withdrawn'],
  write: ['wrote', 'written'], overtake: ['overtook', 'overtaken'], oversee: ['oversaw', 'overseen'],
  foresee: ['foresaw', 'foreseen'], withhold: ['withheld', 'withheld'], uphold: ['upheld', 'upheld'],
  overthrow: ['overthrew', 'overthrown'], broadcast: ['broadcast', 'broadcast'], forbid: ['forbade', 'forbidden'],
  bear: ['bore', 'borne'], break: ['broke', 'broken'], bid: ['bid', 'bid'], bind: ['bound', 'bound'], bite: ['bit', 'bitten'],
  blow: ['blew', 'blown'], burst: ['burst', 'burst'], cast: ['cast', 'cast'], cling: ['clung', 'clung'], dig: ['dug', 'dug'],
  feed: ['fed', 'fed'], flee: ['fled', 'fled'], forgive: ['forgave', 'forgiven'], hurt: ['hurt', 'hurt'],
  light: ['lit', 'lit'], overcome: ['overcame', 'overcome'], prove: ['proved', 'proven'], seize: ['seized', 'seized'],
  shine: ['shone', 'shone'], slide: ['slid', 'slid'], sting: ['stung', 'stung'], stick: ['stuck', 'stuck'],
  tear: ['tore', 'torn'], upset: ['upset', 'upset'], weave: ['wove', 'woven'], wind: ['wound', 'wound'],
};

/**
 * Regular verbs that policy writing uses, so that their forms are read as verbs wherever they
 * stand. Words that are also nouns ("visit", "report") are disambiguated by context.
 */
export const REGULAR_VERBS = new Set(
  list(`accept accompany accuse achieve acquire act add adopt advance advise affect agree aim allow announce answer appear
    apply appoint approve argue arrange arrest arrive ask assert assess assist assume attack attempt attend attract
    avoid back ban base believe belong benefit bill blame block boost borrow call capture carry cause cease celebrate
    change charge cite claim clash close collapse combine comment commit compare compete complain complete conclude
    condemn conduct confirm confront connect consider consist contain continue contribute control convince cooperate
    copy count cover credit cross cultivate dance date declare decline defend delay deliver demand demonstrate deny
    depart depend deploy derive describe design designate destroy detect determine develop die differ dispatch display
    doubt drop earn ease echo elect emerge employ enable encourage end engage enjoy ensure enter equip escalate
    establish estimate evaluate exchange exhaust expand expect explain export express face fail fear feature fill
    finance finish fire flag focus follow force form found fund gain greet halt happen hand head help hope host
    identify ignore impose improve include increase indicate inform insist intend introduce invade invest invite
    involve isolate join judge jump kill label lack land last launch learn level limit list live load look maintain
    manage march mark match matter minimize model monitor move name need negotiate note notice obtain occur offer open
    operate oppose order organize overstate own pass pattern perform permit pick place plan play plead point pose
    possess post praise predict prefer prepare present press prevent proceed produce profit promise prompt propose
    protect protest provide publish pull purchase pursue push question quote raise reach react realize recall receive
    recognize recommend record reduce refer reflect refuse regard reject relate release rely remain remember remind
    remove render repeat replace reply report represent request require resolve respond rest result retain return
    reveal review ride risk roll rule sail sanction save score secure seem sentence serve settle shape share shift sign
    signal single smuggle solve sound spark spur stage start state stay step stop strengthen stress study submit succeed
    suffer suggest supply support surface surprise suspect suspend sustain talk target test thank threaten tie top total
    tour trace trade train transfer travel treat trigger trust try turn unveil urge use value vary view visit vote wait
    want warn watch weaken welcome wish wonder work worry yield shun underscore undermine testify tweet quip
    brand characterize cast reverse-engineer clone adapt imitate replicate acknowledge dispute contest rebut refute
    separate span divide field account total number blossom flourish flower originate emerge rage wage snub spurn woo court rebuff befriend embrace contend posit reckon anticipate forecast conclude infer pull withdraw exit abandon quit deepen tighten loosen lift renew extend expire bolster deter cement forge drive
    finance fuel narrow widen widen depict picture portray photograph pose accompany show look
    participate partake headquarter furnish resupply rearm dismiss disavow`),
);

/** Nouns that take -s like verbs but are nouns far more often; the context decides. */
export const NOUN_FIRST = new Set(
  list(`visit visits report reports tour tours trip copy copies model models base bases host hosts test tests fire launch
    launches claim claims estimate estimates record records account accounts control purchase purchases supply supplies
    export exports import imports transfer transfers deal deals sale sales meeting talks design designs view views
    plan plans order orders rule rules sanction sanctions help trade aim end ends start date dates name names list
    change changes study studies review reviews design state states label labels display cover return returns
    shift shifts rest step steps mark marks share shares point points count counts total totals credit value values
    stage level match signal signals flag flags figure figures work works place places face faces rise cause causes
    demand demands question questions answer answers call calls offer offers hope hopes fear fears doubt doubts need
    needs look looks show shows pattern patterns head heads`),
);

/** Irregular plurals, plural → singular. */
export const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  men: 'man', women: 'woman', people: 'person', children: 'child', feet: 'foot', teeth: 'tooth', mice: 'mouse',
  crises: 'crisis', analyses: 'analysis', theses: 'thesis', bases: 'base', criteria: 'criterion', data: 'datum',
  media: 'medium', phenomena: 'phenomenon', chiefs: 'chief', staff: 'staff', aircraft: 'aircraft', series: 'series',
  species: 'species', arms: 'arms', news: 'news', talks: 'talks', sanctions: 'sanction', headquarters: 'headquarters',
};

/** Verbs of two syllables or more whose last consonant doubles before -ed and -ing (one-syllable verbs follow the rule). */
const DOUBLING = new Set(list('admit commit submit permit regret refer prefer occur control patrol compel expel propel rebut'));

/** Whether the last consonant doubles: "shun" → "shunned", "plan" → "planned", but not "visit" or "show". */
function doubles(v: string): boolean {
  return DOUBLING.has(v) || /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v);
}

/** Every form of every listed verb → lemma. */
export const VERB_FORMS: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const lemma of REGULAR_VERBS) for (const f of regularForms(lemma)) if (!out.has(f)) out.set(f, lemma);
  for (const [lemma, [pastForm, participle]] of Object.entries(IRREGULAR_VERBS)) {
    for (const f of [lemma, thirdPerson(lemma), gerund(lemma), pastForm, participle]) out.set(f, lemma);
  }
  return out;
})();

/** The forms of a regular verb: visit, visits, visited, visiting. */
export function regularForms(lemma: string): string[] {
  return [lemma, thirdPerson(lemma), pastOf(lemma), gerund(lemma)];
}

function thirdPerson(v: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(v)) return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  return `${v}s`;
}

function pastOf(v: string): string {
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  if (doubles(v)) return `${v}${v.slice(-1)}ed`;
  return `${v}ed`;
}

function gerund(v: string): string {
  if (/ie$/.test(v)) return `${v.slice(0, -2)}ying`;
  if (/[^e]e$/.test(v)) return `${v.slice(0, -1)}ing`;
  if (doubles(v)) return `${v}${v.slice(-1)}ing`;
  return `${v}ing`;
}

/** British spellings folded to American ones, for lemmas: "modelled" reads as "modeled". */
export function americanSpelling(word: string): string {
  return remembered(spellings, word, respell);
}

function respell(word: string): string {
  return word
    .replace(/^(model|travel|label|cancel|signal|level|fuel|total|channel|counsel)l(ed|ing)$/, '$1$2')
    .replace(/(\w{3,})is(e|ed|es|ing)$/, (m, stem: string, end: string) => (/(?:advert|advis|compris|despis|devis|exercis|promis|surpris|rais|revis|supervis|televis|wis|pois|prais|rais|cruis)$/.test(`${stem}is`) ? m : `${stem}iz${end}`))
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/^defence$/, 'defense')
    .replace(/^(arm|hon|col|behavi|favo|neighbo|lab)our(s?)$/, '$1or$2');
}

/** The singular of a noun: "submarines" → "submarine", "advisers" → "adviser", "subs" → "sub". */
export function singular(word: string): string {
  return remembered(singulars, word, singularOf);
}

function singularOf(word: string): string {
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  if (word.length <= 3 || /(?:ss|us|is|ics)$/.test(word)) return word;
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The lemma of a verb form that is not listed, by the spelling rules; undefined when it is no verb form. */
export function verbLemma(word: string): string | undefined {
  const w = americanSpelling(word);
  const known = VERB_FORMS.get(w);
  if (known) return known;
  return undefined;
}

// Every word of every sentence is looked up, and drafts repeat their words: the spelling rules
// run once per word form. The caches are bounded so that a huge draft of unique tokens cannot
// grow them without end.
const spellings = new Map<string, string>();
const singulars = new Map<string, string>();
const CACHE_LIMIT = 50_000;

function remembered(cache: Map<string, string>, word: string, compute: (w: string) => string): string {
  let out = cache.get(word);
  if (out === undefined) {
    out = compute(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, out);
  }
  return out;
}
