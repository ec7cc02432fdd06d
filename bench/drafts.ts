/**
 * Deterministic drafts for benchmarks: realistic Markdown (headings, paragraphs, lists, tables,
 * links, footnotes, code) with many claims about the fact base's entities, right and wrong,
 * generated from a seeded random number generator so every run checks the same text.
 */

/** mulberry32: a small, fast, seedable generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLAIMS = [
  'The Shahab-3 is Iran’s version of North Korea’s Nodong-1.',
  'The Shahab-3 is a copy of the Yono-class midget submarine.',
  'Then-President Ali Khamenei visited North Korea in 1989.',
  'Khamenei visited North Korea in 1991.',
  'Iranian President Hassan Rouhani received North Korean Foreign Minister Ri Yong Ho in Tehran in August 2018.',
  'Rouhani received Ri Yong Ho in Pyongyang in August 2018.',
  'By the end of the war in 1988, some 300 North Korean military advisers were in Iran, Bruce Bechtol wrote in Foreign Affairs.',
  'According to a 2017 report by the Office of Naval Intelligence, Iran has fourteen North Korean midget submarines.',
  'According to a 2017 report by the Office of Naval Intelligence, Iran has twelve North Korean midget submarines.',
  'KOMID, a North Korean firm, is active in Iran.',
  'Green Pine, an Iranian company, sells arms.',
  'The Ghadir-class submarine appears to be effectively a copy of the Yono class.',
  'The Iran-Iraq War ended in 1988.',
  'Pyongyang had reportedly sold Tehran more than $1 billion in conventional arms.',
  'Khamenei said: “Among the reasons why Iran is close to Korea is the USA’s enmity toward both our countries.”',
];

const FILLER = [
  'Sanctions policy has shifted several times over the past decade.',
  'Analysts disagree about how much leverage Washington retains.',
  'The relationship remains largely transactional, centred on arms sales.',
  'Any new agreement would need to address verification in detail.',
  'Regional partners have watched these developments closely.',
  'The budget request for the coming year reflects these priorities.',
  'Diplomats met again in Geneva to discuss the next steps.',
  'Several committees held hearings on the question last spring.',
];

/** A draft of about `words` words. */
export function draft(words: number, seed = 1): string {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const out: string[] = ['---', 'title: Benchmark memo', '---', ''];
  let count = 0;
  let section = 0;
  let footnote = 0;
  while (count < words) {
    const kind = rand();
    let block: string;
    if (count === 0 || kind < 0.06) {
      block = `## Section ${++section}: ${pick(['Missiles', 'Submarines', 'Diplomacy', 'Sanctions', 'Arms sales'])}`;
    } else if (kind < 0.16) {
      block = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => `- ${pick(rand() < 0.5 ? CLAIMS : FILLER)}`).join('\n');
    } else if (kind < 0.2) {
      block = ['| System | Note |', '| --- | --- |', ...Array.from({ length: 3 }, () => `| ${pick(['Shahab-3', 'Nodong-1', 'Ghadir class', 'Yono class'])} | ${pick(FILLER)} |`)].join('\n');
    } else if (kind < 0.23) {
      block = ['```text', 'The Shahab-3 is a copy of the Scud-C. (code: not checked)', '```'].join('\n');
    } else {
      const sentences = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(rand() < 0.45 ? CLAIMS : FILLER));
      if (rand() < 0.2) sentences.push(`See [the report](https://example.org/report-${section}) for details.[^n${++footnote}]`);
      block = sentences.join(' ');
    }
    out.push(block, '');
    count += block.split(/\s+/).length;
  }
  for (let i = 1; i <= footnote; i++) out.push(`[^n${i}]: A note on the sources, number ${i}.`, '');
  return out.join('\n');
}
