/**
 * Claim frames: for each predicate of the vocabulary (predicates.ts), the words that express it
 * and how their grammatical roles fill its slots, as data. The model is FrameNet's: a frame is
 * evoked by lexical units ("visit.v", "trip.n", "version.n + of"), and each unit says which
 * phrase around it fills which slot ("Khamenei's trip to Pyongyang": the owner is the traveller,
 * the object of "to" the place). Beside each frame stands what Wikidata would call its
 * constraints: which kinds of thing each slot takes, whether the object has one true value for a
 * given subject, and whether the event repeats.
 *
 * The roles a unit can map, all found by the frame matcher (frames/match.ts) without looking at
 * the raw characters:
 * - `subject`: the clause's subject before the verb; for a noun, the subject of the copula or
 *   light verb it follows ("X is a copy of", "X paid a visit to"), or the phrase it stands in
 *   apposition to ("X, a copy of");
 * - `object`: the phrase right after the verb;
 * - `prep`: the phrase after one of the unit's prepositions;
 * - `by`: the phrase after "by";
 * - `owner`: the possessor of the noun ("Khamenei's visit");
 * - `modifier`: a name before the noun, or joined to a participle ("a Nodong variant",
 *   "Nodong-derived");
 * - `head`: the phrase a participle modifies ("the Nodong-derived Shahab-3");
 * - `demonym`: a demonym among the noun's modifiers ("a Chinese design").
 */

import type { Kind } from '../reading/kinds.js';
import type { Predicate } from './predicates.js';

export type Role = 'subject' | 'object' | 'prep' | 'by' | 'owner' | 'modifier' | 'head' | 'demonym';
export type Slot = 'subject' | 'object';

export interface LexicalUnit {
  readonly lemmas: readonly string[];
  /**
   * `attached` is a phrase followed by one of the unit's prepositions and a phrase ("the summit in
   * Singapore"): no word evokes the frame, the slot kinds do. An `adjective` takes its subject
   * from the phrase before it or the copula's subject ("found KOMID active in Iran", "KOMID is
   * active in Iran"); a `preposition` ("according to") takes the phrase after it as `prep`.
   */
  readonly pos: 'verb' | 'noun' | 'participle' | 'attached' | 'adjective' | 'preposition';
  /** Prepositions that introduce the `prep` role. */
  readonly prep?: readonly string[];
  /** How roles fill slots in the active voice (and for nouns). */
  readonly roles: Readonly<Partial<Record<Role, Slot>>>;
  /** How roles fill slots in the passive voice; defaults to the subject becoming the object. */
  readonly passive?: Readonly<Partial<Record<Role, Slot>>>;
  /** Which bound of an event's time the unit speaks of: "ended" is the end. */
  readonly bound?: 'start' | 'end' | 'point';
  /**
   * The unit says the two slots are related without saying which way: "X is the counterpart of
   * Y" holds when Y derives from X as well.
   */
  readonly undirected?: boolean;
  /**
   * A role without which the words do not express the frame at all: "the photo shows Rouhani"
   * is no meeting until "with Kim Yong Nam" names the other side.
   */
  readonly needs?: Role;
}

export interface FrameDefinition {
  readonly predicate: Predicate;
  /** The kinds of thing each slot takes. */
  readonly slots: Readonly<Record<Slot, readonly Kind[]>>;
  /** The object has one true value for a given subject: another value contradicts the base. */
  readonly oneValue: boolean;
  /** The event can happen many times (visits, meetings, sales): only the recorded one is judged. */
  readonly repeats: boolean;
  /** Subject and object can swap ("A met B" is "B met A"). */
  readonly symmetric?: boolean;
  readonly units: readonly LexicalUnit[];
}

const COPY_NOUNS = [
  'version', 'copy', 'variant', 'derivative', 'clone', 'knockoff', 'adaptation', 'replica', 'rendition', 'descendant',
  'offshoot', 'imitation', 'development', 'reproduction', 'iteration', 'upgrade', 'spinoff', 'reworking', 'remake', 'take',
];
/** Nouns of kinship without a direction: a counterpart of Y is a weapon Y derives from, or one that derives from Y. */
const KIN_NOUNS = ['twin', 'analogue', 'analog', 'equivalent', 'counterpart', 'sibling', 'cousin', 'relative'];

export const FRAMES: readonly FrameDefinition[] = [
  {
    predicate: 'derived-from',
    slots: { subject: ['weapon'], object: ['weapon'] },
    oneValue: true,
    repeats: false,
    units: [
      { pos: 'noun', lemmas: COPY_NOUNS, prep: ['of', 'on'], roles: { subject: 'subject', prep: 'object' } },
      { pos: 'noun', lemmas: KIN_NOUNS, prep: ['of', 'to'], roles: { subject: 'subject', prep: 'object' }, undirected: true },
      { pos: 'noun', lemmas: ['variant', 'derivative', 'copy', 'clone', 'version', 'knockoff', 'adaptation', 'offshoot', 'replica', 'design'], roles: { subject: 'subject', modifier: 'object' } },
      {
        pos: 'verb',
        lemmas: ['base', 'model', 'pattern', 'derive', 'develop', 'copy', 'adapt', 'build', 'design', 'reverse-engineer', 'clone', 'evolve', 'spring', 'descend', 'borrow'],
        prep: ['on', 'upon', 'from', 'after'],
        roles: { object: 'subject', prep: 'object' },
        passive: { subject: 'subject', prep: 'object' },
      },
      { pos: 'verb', lemmas: ['get', 'take', 'obtain', 'acquire', 'borrow', 'inherit'], prep: ['from'], roles: { object: 'subject', prep: 'object' } },
      { pos: 'verb', lemmas: ['trace'], prep: ['to'], roles: { subject: 'subject', prep: 'object' } },
      {
        pos: 'noun',
        lemmas: ['model', 'basis', 'template', 'blueprint', 'inspiration', 'parent', 'progenitor', 'ancestor', 'forerunner', 'precursor', 'predecessor', 'prototype', 'original', 'source'],
        prep: ['for', 'of', 'behind'],
        roles: { subject: 'object', prep: 'subject' },
      },
      { pos: 'participle', lemmas: ['derive', 'base', 'copy', 'model', 'pattern', 'inspire', 'develop', 'clone'], roles: { modifier: 'object', head: 'subject' } },
    ],
  },
  {
    // Where a thing comes from: "a Chinese design", "of North Korean origin", "Russian-built".
    predicate: 'country',
    slots: { subject: ['weapon', 'organization'], object: ['place'] },
    oneValue: true,
    repeats: false,
    units: [
      { pos: 'noun', lemmas: ['design', 'origin', 'provenance', 'make', 'manufacture'], roles: { subject: 'subject', demonym: 'object' } },
      { pos: 'participle', lemmas: ['design', 'build', 'make', 'produce', 'manufacture', 'develop', 'engineer', 'supply'], roles: { modifier: 'object', head: 'subject' } },
    ],
  },
  {
    predicate: 'visited',
    slots: { subject: ['person', 'organization'], object: ['place'] },
    oneValue: false,
    repeats: true,
    units: [
      { pos: 'verb', lemmas: ['visit', 'tour', 'ride'], prep: ['on'], roles: { subject: 'subject', object: 'object', prep: 'object' }, passive: { subject: 'object', by: 'subject' } },
      { pos: 'verb', lemmas: ['travel', 'go', 'fly', 'come', 'journey', 'head', 'return', 'arrive', 'stop'], prep: ['to', 'in', 'into'], roles: { subject: 'subject', prep: 'object' } },
      // "KOMID sent its top leaders to Iran": an organization visits through its people.
      { pos: 'verb', lemmas: ['send', 'dispatch'], prep: ['to', 'into'], roles: { subject: 'subject', prep: 'object' } },
      { pos: 'noun', lemmas: ['visit', 'trip', 'tour', 'journey', 'travel', 'stay', 'stop', 'voyage', 'mission', 'sojourn', 'ride'], prep: ['to', 'of', 'in', 'on'], roles: { owner: 'subject', by: 'subject', subject: 'subject', prep: 'object', modifier: 'object' } },
    ],
  },
  {
    predicate: 'met',
    slots: { subject: ['person'], object: ['person'] },
    oneValue: false,
    repeats: true,
    symmetric: true,
    units: [
      { pos: 'verb', lemmas: ['meet', 'receive', 'host', 'welcome', 'greet', 'entertain'], prep: ['with'], roles: { subject: 'subject', object: 'object', prep: 'object' }, passive: { subject: 'object', by: 'subject' } },
      { pos: 'noun', lemmas: ['meeting', 'talk', 'talks', 'audience', 'encounter', 'summit'], prep: ['with'], roles: { owner: 'subject', subject: 'subject', prep: 'object' } },
      // "Ri Yong Ho's reception in Tehran", "a welcome by Rouhani": the owner is the guest.
      { pos: 'noun', lemmas: ['reception', 'welcome'], prep: ['by', 'of'], roles: { owner: 'object', by: 'subject' } },
      // A picture of two people together: "the photo shows Iran's president with Kim Yong Nam".
      { pos: 'verb', lemmas: ['show', 'picture', 'depict', 'photograph', 'capture', 'feature'], prep: ['with', 'alongside', 'beside'], roles: { object: 'subject', prep: 'object' }, passive: { subject: 'subject', prep: 'object' }, needs: 'prep' },
    ],
  },
  {
    // A sale: "North Korea sold Iran arms", "sold weapons to Syria", "Iran bought arms from
    // Pyongyang", "arms sales to Iran", "Pyongyang's customers".
    predicate: 'sold-to',
    slots: { subject: ['place', 'organization', 'person'], object: ['place', 'organization', 'person'] },
    oneValue: false,
    repeats: true,
    units: [
      { pos: 'verb', lemmas: ['sell', 'export', 'supply', 'provide', 'ship', 'deliver', 'transfer', 'offer', 'peddle'], prep: ['to'], roles: { subject: 'subject', object: 'object', prep: 'object' }, passive: { by: 'subject', prep: 'object' } },
      { pos: 'verb', lemmas: ['buy', 'purchase', 'acquire', 'import', 'obtain', 'procure'], prep: ['from'], roles: { subject: 'object', prep: 'subject' } },
      { pos: 'noun', lemmas: ['sale', 'export', 'shipment', 'transfer', 'delivery'], prep: ['to'], roles: { owner: 'subject', prep: 'object' } },
      { pos: 'noun', lemmas: ['purchase', 'import'], prep: ['from'], roles: { owner: 'object', prep: 'subject' } },
      { pos: 'noun', lemmas: ['customer', 'client', 'buyer'], prep: ['of'], roles: { subject: 'object', owner: 'subject', prep: 'subject' } },
    ],
  },
  {
    // Arms or goods given, sold or not: "Iran supplied the Houthis with missiles", "provided
    // components to the Houthis", "armed the rebels", "the Houthis' supplier". A sale is `sold-to`;
    // the same words evoke both, and each is judged against its own statements.
    predicate: 'supplied',
    slots: { subject: ['place', 'organization', 'person'], object: ['place', 'organization', 'person'] },
    oneValue: false,
    repeats: true,
    units: [
      { pos: 'verb', lemmas: ['supply', 'provide', 'give', 'ship', 'deliver', 'transfer', 'send', 'smuggle', 'furnish'], prep: ['to'], roles: { subject: 'subject', object: 'object', prep: 'object' }, passive: { by: 'subject', prep: 'object' } },
      { pos: 'verb', lemmas: ['arm', 'equip', 'supply', 'furnish', 'resupply', 'rearm'], prep: ['with'], roles: { subject: 'subject', object: 'object' }, passive: { by: 'subject', subject: 'object' } },
      { pos: 'noun', lemmas: ['supplier', 'patron', 'backer', 'armorer', 'armourer'], prep: ['of', 'to', 'for'], roles: { subject: 'subject', owner: 'object', prep: 'object' } },
      { pos: 'noun', lemmas: ['supply', 'shipment', 'delivery', 'transfer'], prep: ['to'], roles: { owner: 'subject', prep: 'object' } },
    ],
  },
  {
    // A weapon used in an event: "the Burkan-2H was used in the attack on Riyadh", "the attack
    // used a Qiam-1", "fired in the November attack".
    predicate: 'used-in',
    slots: { subject: ['weapon'], object: ['event'] },
    oneValue: false,
    repeats: false,
    units: [
      { pos: 'verb', lemmas: ['use', 'employ', 'fire', 'launch', 'deploy'], prep: ['in', 'during', 'for'], roles: { object: 'subject', prep: 'object' }, passive: { subject: 'subject', prep: 'object' } },
      { pos: 'verb', lemmas: ['use', 'employ', 'involve', 'feature'], roles: { subject: 'object', object: 'subject' } },
    ],
  },
  {
    // Where an organization has its seat: "KOMID, headquartered in Pyongyang", "based in Dubai",
    // "its headquarters in Pyongyang". One true value.
    predicate: 'headquarters',
    slots: { subject: ['organization'], object: ['place'] },
    oneValue: true,
    repeats: false,
    units: [
      { pos: 'verb', lemmas: ['headquarter', 'base'], prep: ['in', 'at'], roles: { object: 'subject', prep: 'object' }, passive: { subject: 'subject', prep: 'object' }, needs: 'prep' },
      { pos: 'participle', lemmas: ['headquarter', 'base'], roles: { modifier: 'object', head: 'subject' } },
      { pos: 'noun', lemmas: ['headquarters', 'seat'], prep: ['in', 'at'], roles: { owner: 'subject', subject: 'subject', prep: 'object' }, needs: 'prep' },
    ],
  },
  {
    // Membership: "Iran is a member of the Non-Aligned Movement", "joined the alliance",
    // "belongs to the Axis of Resistance", "an airman of the US Air Force".
    predicate: 'member-of',
    slots: { subject: ['person', 'organization', 'place'], object: ['organization'] },
    oneValue: false,
    repeats: false,
    units: [
      { pos: 'noun', lemmas: ['member', 'part', 'airman', 'soldier', 'officer', 'commander', 'general', 'fighter', 'militant'], prep: ['of', 'in'], roles: { subject: 'subject', prep: 'object', modifier: 'object' } },
      { pos: 'verb', lemmas: ['join', 'enter'], roles: { subject: 'subject', object: 'object' } },
      { pos: 'verb', lemmas: ['belong', 'serve'], prep: ['to', 'in', 'with'], roles: { subject: 'subject', prep: 'object' } },
    ],
  },
  {
    // Taking part in an event: "the Houthis took part in the attack", "attended the summit",
    // "a participant in the talks".
    predicate: 'participant-in',
    slots: { subject: ['person', 'organization', 'place'], object: ['event'] },
    oneValue: false,
    repeats: false,
    units: [
      { pos: 'verb', lemmas: ['participate', 'join', 'fight', 'partake'], prep: ['in'], roles: { subject: 'subject', prep: 'object' } },
      { pos: 'verb', lemmas: ['attend', 'join', 'conduct', 'launch', 'stage', 'mount', 'claim'], roles: { subject: 'subject', object: 'object' } },
      { pos: 'noun', lemmas: ['participant', 'party', 'attendee', 'perpetrator'], prep: ['in', 'to', 'at'], roles: { subject: 'subject', prep: 'object' } },
    ],
  },
  {
    // A military rank: "holds the rank of lieutenant general", and a rank written before the
    // name ("Lt. Gen. Jeffrey Harrigian"), which checks/relation.ts reads itself.
    predicate: 'rank',
    slots: { subject: ['person'], object: [] },
    oneValue: true,
    repeats: false,
    units: [
      { pos: 'noun', lemmas: ['rank'], prep: ['of'], roles: { owner: 'subject', subject: 'subject' } },
    ],
  },
  {
    // A denial: "Iran denied supplying the missile", "Tehran rejected the charge". No check
    // judges it yet: a denial is recorded, and its words are known for hover and for authoring.
    predicate: 'denial',
    slots: { subject: ['person', 'organization', 'place'], object: [] },
    oneValue: false,
    repeats: true,
    units: [
      { pos: 'verb', lemmas: ['deny', 'reject', 'dismiss', 'refute', 'rebut', 'disavow', 'dispute'], roles: { subject: 'subject' } },
      { pos: 'noun', lemmas: ['denial', 'rejection'], prep: ['by', 'from'], roles: { owner: 'subject', prep: 'subject' } },
    ],
  },
  {
    // Who stands behind a finding: "X said / reported / found / estimated", "a report by X",
    // "X's 2017 assessment", "a CIA assessment", "according to X", "writing in P".
    predicate: 'reported',
    slots: { subject: ['person', 'organization', 'publication'], object: [] },
    oneValue: true,
    repeats: false,
    units: [
      {
        pos: 'verb',
        lemmas: [
          'say', 'report', 'write', 'find', 'estimate', 'count', 'credit', 'conclude', 'indicate', 'assess', 'note', 'state', 'claim', 'put', 'tell', 'testify', 'show',
          'reveal', 'document', 'record', 'observe', 'calculate', 'tally', 'add', 'warn', 'declare', 'proclaim', 'insist', 'argue', 'recall', 'quip', 'reply', 'respond',
          'remark', 'explain', 'assert', 'announce', 'tweet', 'post', 'continue', 'stress', 'emphasize', 'vow', 'pledge', 'promise', 'boast', 'exclaim', 'greet', 'address',
          'urge', 'caution', 'cite', 'quote', 'contend', 'maintain', 'hold', 'believe', 'predict', 'read', 'see', 'view', 'call', 'describe',
          'characterize', 'portray', 'suggest', 'think', 'judge', 'deem', 'consider', 'attribute', 'trace', 'blame', 'expect',
          'anticipate', 'forecast', 'foresee', 'posit', 'reckon',
        ],
        roles: { subject: 'subject' },
        passive: { by: 'subject' },
      },
      { pos: 'noun', lemmas: ['report', 'study', 'assessment', 'estimate', 'analysis', 'article', 'paper', 'finding', 'survey', 'review', 'testimony', 'account', 'figure', 'tally', 'count', 'data', 'piece', 'book', 'census'], prep: ['by', 'of', 'from'], roles: { prep: 'subject', owner: 'subject', modifier: 'subject' } },
      // Words said: "Khamenei's words", "a warning from Kim", "greeted his guest with a warning".
      // What an author holds: "in Oba's telling", "the crux of Oba's argument", "Oba's answer".
      { pos: 'noun', lemmas: ['telling', 'view', 'argument', 'answer', 'thesis', 'reading', 'verdict', 'conclusion', 'case', 'claim', 'point', 'take', 'assessment', 'diagnosis', 'interpretation', 'explanation', 'analysis', 'prediction', 'warning'], prep: ['of', 'by'], roles: { owner: 'subject', prep: 'subject' } },
      { pos: 'noun', lemmas: ['word', 'words', 'remark', 'statement', 'message', 'warning', 'speech', 'declaration', 'comment', 'reply', 'answer', 'pledge', 'vow', 'promise', 'line', 'phrase', 'quip'], prep: ['of', 'from', 'by'], roles: { owner: 'subject', prep: 'subject', subject: 'subject' } },
      { pos: 'preposition', lemmas: ['according to', 'in the words of', 'citing', 'per'], roles: { prep: 'subject' } },
    ],
  },
  {
    // Where an organization operates: "KOMID is active in Iran", "found Green Pine active in Iran".
    predicate: 'active-in',
    slots: { subject: ['organization', 'person'], object: ['place'] },
    oneValue: false,
    repeats: false,
    units: [
      { pos: 'adjective', lemmas: ['active', 'present', 'operating', 'operational', 'busy', 'entrenched'], prep: ['in', 'inside', 'within'], roles: { subject: 'subject', prep: 'object' } },
      { pos: 'verb', lemmas: ['operate', 'work', 'do'], prep: ['in', 'inside'], roles: { subject: 'subject', prep: 'object' } },
    ],
  },
  {
    // A person's job: "worked on Korean Peninsula policy at the State Department", "a former CIA
    // analyst", "a director at West Wing Writers", "a State Department diplomat".
    predicate: 'employer',
    slots: { subject: ['person'], object: ['organization'] },
    oneValue: false,
    repeats: true,
    units: [
      { pos: 'verb', lemmas: ['work', 'serve'], prep: ['at', 'for', 'with', 'in'], roles: { subject: 'subject', prep: 'object' } },
      {
        pos: 'noun',
        lemmas: ['diplomat', 'analyst', 'director', 'official', 'officer', 'employee', 'staffer', 'aide', 'adviser', 'spokesman', 'spokeswoman', 'researcher', 'fellow', 'scholar', 'professor', 'economist', 'lawyer', 'spy', 'agent', 'negotiator', 'writer', 'editor', 'columnist', 'correspondent', 'reporter', 'partner', 'executive', 'consultant'],
        prep: ['at', 'for', 'with', 'of', 'in'],
        roles: { subject: 'subject', prep: 'object', modifier: 'object' },
      },
    ],
  },
  {
    // Seeking closer ties, or the opposite: "North Korea quietly cultivated ties with Baghdad",
    // "Pyongyang courted Iraq", "North Korea shunned Baghdad". How the relation went is in the
    // statement's `supports` and `contradicts` wordings.
    predicate: 'courted',
    slots: { subject: ['place', 'organization', 'person'], object: ['place', 'organization', 'person'] },
    oneValue: false,
    repeats: false,
    units: [
      { pos: 'verb', lemmas: ['court', 'woo', 'shun', 'snub', 'spurn', 'ignore', 'boycott', 'isolate', 'rebuff', 'cold-shoulder', 'embrace', 'befriend'], roles: { subject: 'subject', object: 'object' }, passive: { subject: 'object', by: 'subject' } },
      { pos: 'verb', lemmas: ['cultivate', 'develop', 'build', 'seek', 'pursue', 'forge', 'deepen', 'strengthen', 'cut', 'sever', 'break', 'keep', 'maintain', 'improve'], prep: ['with'], roles: { subject: 'subject', prep: 'object' } },
      { pos: 'verb', lemmas: ['reach'], prep: ['to'], roles: { subject: 'subject', prep: 'object' } },
    ],
  },
  {
    // What a relationship centred on, and when: "the arms relationship shifted toward missiles".
    predicate: 'focused-on',
    slots: { subject: ['event'], object: [] },
    oneValue: true,
    repeats: false,
    units: [
      { pos: 'verb', lemmas: ['shift', 'turn', 'move', 'pivot', 'evolve', 'focus', 'center', 'centre', 'concentrate', 'refocus'], prep: ['toward', 'towards', 'to', 'on', 'into'], roles: { subject: 'subject' } },
      { pos: 'noun', lemmas: ['shift', 'turn', 'move', 'pivot', 'focus'], prep: ['toward', 'towards', 'to', 'on'], roles: { owner: 'subject', subject: 'subject' } },
    ],
  },
  {
    // A trading partner: "Russia, its key trading partner", "China, North Korea's main trading partner".
    predicate: 'trading-partner',
    slots: { subject: ['place'], object: ['place'] },
    oneValue: false,
    repeats: false,
    units: [
      { pos: 'noun', lemmas: ['partner'], roles: { owner: 'subject', subject: 'object' } },
      // "financed a record trade deficit with China": a trade balance has a partner.
      { pos: 'noun', lemmas: ['deficit', 'surplus', 'trade', 'imbalance'], prep: ['with'], roles: { owner: 'subject', subject: 'subject', prep: 'object' } },
    ],
  },
  {
    // Where an event took place: "the summit in Singapore", "held in Hanoi", "took place in Tehran".
    predicate: 'located-in',
    slots: { subject: ['event'], object: ['place'] },
    oneValue: true,
    repeats: false,
    units: [
      { pos: 'verb', lemmas: ['hold', 'stage', 'convene', 'host', 'organize'], prep: ['in', 'at'], roles: { object: 'subject', prep: 'object' }, passive: { subject: 'subject', prep: 'object' } },
      { pos: 'verb', lemmas: ['occur', 'happen', 'unfold', 'open'], prep: ['in', 'at'], roles: { subject: 'subject', prep: 'object' } },
      { pos: 'attached', lemmas: [], prep: ['in', 'at'], roles: { head: 'subject', prep: 'object' } },
    ],
  },
  {
    predicate: 'occurred',
    slots: { subject: ['event', 'agreement'], object: [] },
    oneValue: true,
    repeats: false,
    units: [
      { pos: 'verb', lemmas: ['end', 'conclude', 'finish', 'stop', 'close', 'cease'], bound: 'end', roles: { subject: 'subject' } },
      { pos: 'verb', lemmas: ['begin', 'start', 'erupt', 'commence', 'break', 'emerge', 'blossom', 'arise', 'originate', 'flower', 'form'], bound: 'start', roles: { subject: 'subject' } },
      // "relations date from the years after the revolution", "ties go back to 1979".
      { pos: 'verb', lemmas: ['date'], prep: ['from', 'to'], bound: 'start', roles: { subject: 'subject' } },
      { pos: 'verb', lemmas: ['occur', 'happen', 'unfold'], bound: 'point', roles: { subject: 'subject' } },
      { pos: 'noun', lemmas: ['end', 'conclusion', 'close', 'finish'], prep: ['of'], bound: 'end', roles: { owner: 'subject', prep: 'subject', modifier: 'subject' } },
      { pos: 'noun', lemmas: ['start', 'beginning', 'outbreak', 'onset'], prep: ['of'], bound: 'start', roles: { owner: 'subject', prep: 'subject', modifier: 'subject' } },
    ],
  },
];

/** The frames of a predicate. */
export function framesOf(predicate: Predicate): readonly FrameDefinition[] {
  return FRAMES.filter((f) => f.predicate === predicate);
}
