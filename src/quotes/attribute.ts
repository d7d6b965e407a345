// Attribution sieves within one sentence, tried in this order (the first hit wins):
//   after      ,” said Smith  |  ,” Smith, the chairman, said  |  ,” he added
//   looseAfter “…!” beamed Smith  |  ,” Smith quipped.   (a verb missing from the lexicon)
//   dash       “…” ― Edwin Monroy
//   tail       “It is unlikely” that they win, said Lund.
//   before     Smith stated, “…”  |  He added that … its “most ambitious …”
//              (a participle cue, "…, adding that", takes the subject of its clause; a quote
//              nested in a reported clause goes to the outer speaker), or "according to X",
//              whichever cue is nearer the quote
//   colon      Smith: “…”
//   subject    Bush referred to Rubio as “a bright leader”   (the sentence's subject)
// A pronoun speaker then looks for the subject of its own sentence. Quotes the sieves leave
// alone are handled across sentences by the pipeline.

import { CUE_FORMS, isParticiple, MONTHS_DAYS, NOUN_LIKE_FORMS } from './lexicon.js';
import { PLACES } from './places.js';
import { isVerbForm } from './word-classes.js';
import { afterDateline, CAPITAL_FUNCTION, IRREGULAR_PAST, isAdverb, isCueAt, mentionAfter, mentionBefore, sentenceSubject, type Mention } from './mentions.js';
import { headWord, splitMention } from './names.js';
import { headKind } from './entities.js';
import type { Item, Sentence } from './tokens.js';

export interface Attribution {
  mention: Mention;
  /** For a pronoun mention: the subject of the same sentence it refers back to, if any. */
  antecedent?: Mention;
  /** The cue as written ("said", "according to", ":"). */
  cue: string;
  /** Item index of the cue, for ordering. */
  cueAt: number;
}

const AFTER_WINDOW = 40;
const CONJUNCTIONS = new Set(['but', 'and', 'or', 'while', 'though', 'although', 'because', 'yet', 'so', 'whereas']);
const AFTER_JOIN = new Set([',', '\u2014', '\u2013', '-', '?', '!']);

/** The pieces between a quote and what follows it may only be punctuation that joins them. */
function firstAfter(items: readonly Item[], k: number, to: number): number {
  let j = k + 1;
  while (j < to && items[j]!.kind === 'p' && AFTER_JOIN.has(items[j]!.text)) j++;
  return j;
}

/** Cues a quote runs straight into when its comma was forgotten ("“…” Grubbs said", "“…” said Grubbs"). */
const FORGOTTEN_COMMA_CUES = /^(said|says|added|adds|wrote|writes|tweeted|told|asked)$/;

/** True when the quote leads into a following attribution ("…,” he said). */
function leadsOn(items: readonly Item[], k: number, to: number): boolean {
  const q = items[k]!;
  // A nested quote may close just inside: “… with you,’”.
  const trimmed = q.text.replace(/['\u2018\u2019"\u201C\u201D]+$/, '');
  const last = trimmed[trimmed.length - 1] ?? '';
  const next = items[k + 1];
  if (next === undefined || k + 1 >= to) return false;
  if (next.kind === 'p' && AFTER_JOIN.has(next.text)) return true;
  if (/[,?!\u2014\u2013-]/.test(last) && next.kind === 'w') return true;
  // A comma forgotten: "“… a battle of niches” Grubbs said." A name and a cue right after.
  if (next.kind === 'w' && /^\p{Lu}/u.test(next.text)) {
    for (let i = k + 2; i < to && i <= k + 4; i++) if (FORGOTTEN_COMMA_CUES.test(items[i]!.lower)) return true;
  }
  // "“… a cloak of anonymity” said Nick Merrill": the cue itself right after, then a name.
  const named = items[k + 2];
  return next.kind === 'w' && FORGOTTEN_COMMA_CUES.test(next.lower) && named !== undefined && k + 2 < to && named.kind === 'w' && /^\p{Lu}/u.test(named.text);
}

function cueText(items: readonly Item[], cue: number): string {
  return items[cue]!.text;
}

function nonEmpty(m: Mention | null): m is Mention {
  return m !== null && m.text.trim() !== '';
}

/** The attribution right after the quote. */
function after(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  const attr = cueAfter(items, text, k, s);
  // "… at “less advanced schools,” Trump said: “…”": a cue and a colon introduce what follows.
  return attr !== null && items[attr.cueAt + 1]?.text === ':' && items[attr.cueAt + 2]?.kind === 'q' ? null : attr;
}

function cueAfter(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  if (!leadsOn(items, k, s.to)) return null;
  const j = firstAfter(items, k, s.to);
  const first = items[j];
  if (first === undefined || j >= s.to || first.kind !== 'w') return null;
  // "“…,” but he said …" starts a new clause with its own speaker.
  if (CONJUNCTIONS.has(first.lower)) return null;
  if (first.lower === 'according' && items[j + 1]?.lower === 'to') {
    const m = mentionAfter(items, text, j + 1, s.to);
    if (nonEmpty(m)) return { mention: m, cue: 'according to', cueAt: j };
  }
  // "“…,” telling Fox 35 that …": after a participle comes whom it was told, not who spoke.
  if (isParticiple(first.lower) && isCueAt(items, j) && k > s.from) {
    const subject = clauseSubject(items, text, s, k);
    if (subject !== null) return { mention: subject, cue: first.text, cueAt: j };
  }
  if (isCueAt(items, j) || (first.kind === 'w' && /^(said|says|added|wrote|asked)$/.test(first.lower))) {
    const m = mentionAfter(items, text, j, s.to);
    if (nonEmpty(m)) return { mention: m, cue: cueText(items, j), cueAt: j };
  }
  // "“…,” From said.": a capitalised word between a quote and its cue is a name, whatever
  // else the word can be.
  const cue = items[j + 1];
  if (/^\p{Lu}\p{Ll}/u.test(first.text) && cue !== undefined && j + 1 < s.to && /^(said|says|added|adds|wrote|writes|asked|asks|told|tells)$/.test(cue.lower) && !SUBJECT_WORDS.test(first.lower)) {
    const start = first.start;
    return { mention: { from: j, to: j + 1, text: first.text, start, end: first.end }, cue: cue.text, cueAt: j + 1 };
  }
  for (let c = j + 1; c < s.to && c <= j + AFTER_WINDOW; c++) {
    const it = items[c]!;
    if (it.kind === 'q') break;
    if (!isCueAt(items, c)) continue;
    const m = mentionBefore(items, text, c, j);
    if (m !== null && m.from <= j + 1) return { mention: m, cue: cueText(items, c), cueAt: c };
    // "…,” CBS This Morning co-anchor DeMarco Morgan said": capitalised words the walk back
    // stopped at (a show, an outlet) still open the speaker's phrase.
    if (m !== null && capitalRun(items, j, m.from)) {
      const start = items[j]!.start;
      return { mention: { from: j, to: m.to, text: text.slice(start, m.end), start, end: m.end }, cue: cueText(items, c), cueAt: c };
    }
    // A name with more asides than the walk back can take: "…,” Dylan Nelson, a fellow at
    // the institute in Munich, Germany, and co-author of the study, said.
    // So can a role before the name: "…,” study lead author Lucas Paganini, a scientist at …, said.
    const named = mentionAfter(items, text, j - 1, c);
    if (named !== null && named.from === j && (isName(items[j]) || roleThenName(named.text))) return { mention: named, cue: cueText(items, c), cueAt: c };
    break;
  }
  return null;
}

/** "study lead author Lucas Paganini, a scientist at …": a person's role, then their name. */
function roleThenName(mention: string): boolean {
  const split = splitMention(mention);
  return split.type === 'person' && split.role !== null && headKind(headWord(split.role)) === 'person';
}

/**
 * A name's words from `from` up to `to`: capitalised words, numbers and the small words of
 * an organisation's name ("CBS This Morning", "Fight for $15", "Bank of America").
 */
function capitalRun(items: readonly Item[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const it = items[i]!;
    const capital = it.kind === 'w' && /^\p{Lu}/u.test(it.text);
    if (i === from ? !capital || SUBJECT_WORDS.test(it.lower) : !capital && !/^(for|of|and|the|&|\$|\d[\d,.]*)$/.test(it.lower)) return false;
  }
  return to > from;
}

/** Capitalised words that are no name even right before "said". */
const SUBJECT_WORDS = /^(he|she|they|it|we|i|you|who|this|that|one)$/;

/** A capitalised word that can start a name (not a sentence-opening function word). */
function isName(it: Item | undefined): boolean {
  return it !== undefined && it.kind === 'w' && /^\p{Lu}\p{Ll}/u.test(it.text) && !CONJUNCTIONS.has(it.lower) && !/^(the|a|an|this|that|it|he|she|they|we|i)$/.test(it.lower);
}

/** Finds "according to" at or after item `from` before `to`; returns the index of "to". */
function accordingTo(items: readonly Item[], from: number, to: number): number {
  for (let i = from; i + 1 < to; i++) {
    if (items[i]!.lower === 'according' && items[i + 1]!.lower === 'to') return i + 1;
  }
  return -1;
}

/** Words that open a clause of its own after a comma: its subject is who a participle follows. */
const CLAUSE_OPENERS = new Set(['when', 'as', 'after', 'while', 'before', 'because', 'since', 'and', 'but', 'where', 'once', 'until']);

/**
 * The subject at the start of a clause: for participle cues with no finite cue before them.
 * The nearest clause before the participle wins ("The first incident came …, when Sanders
 * protesters interrupted her, shouting “…”"), and "with X asking" gives X.
 */
function clauseSubject(items: readonly Item[], text: string, s: Sentence, before: number): Mention | null {
  for (let b = before - 1; b > s.from && before - b <= WINDOW; b--) {
    const it = items[b]!;
    if (it.kind === 'q') break;
    if (it.kind !== 'w') continue;
    if (it.lower === 'with' && b + 1 < before) {
      const m = mentionAfter(items, text, b, before);
      // "with Trump reportedly yelling": adverbs may stand before the participle.
      let to = m === null ? -1 : m.to;
      while (to >= 0 && to < before && isAdverb(items[to]!)) to++;
      if (m !== null && to === before && items[m.from]!.kind === 'w') return m;
    }
    if (CLAUSE_OPENERS.has(it.lower) && items[b - 1]?.text === ',') {
      const m = sentenceSubject(items, text, b + 1, before) ?? mentionAfter(items, text, b, before);
      // A subject is followed by its verb: "…, when harbour workers interrupted …".
      const verb = m === null ? undefined : items[m.to];
      if (m !== null && verb !== undefined && verb.kind === 'w' && /^[a-z]+(?:ed|s)$/.test(verb.text)) return m;
    }
  }
  // The first phrase of the sentence ("But Sen. Toomey refused …, responding that …").
  const lead = items[s.from]?.kind === 'w' && /^(but|and|so|yet)$/.test(items[s.from]!.lower) ? 1 : 0;
  // Past fronted words ("In early October, …", "Shortly after the call, …") when there are.
  const m = sentenceSubject(items, text, s.from, before) ?? mentionAfter(items, text, afterDateline(items, s.from + lead) - 1, before);
  if (m === null) return null;
  const first = items[m.from]!;
  if (first.kind !== 'w') return null;
  return m;
}

/**
 * How far (in items) the sieves look from a quote: enough for any news sentence, and a
 * bound that keeps a giant "sentence" of thousands of quotes linear.
 */
const WINDOW = 80;

/** Words that open a subordinate clause at the start of a sentence. */
const SUBORDINATORS = new Set(['when', 'after', 'before', 'if', 'although', 'though', 'since', 'while', 'because', 'once', 'until', 'unless', 'whenever']);

/**
 * The end of a subordinate clause opening the sentence ("When Trump suggested …,"), or -1:
 * a cue inside it belongs to that clause, not to a quote in the main clause after it.
 */
function openingClauseEnd(items: readonly Item[], s: Sentence, k: number): number {
  const first = items[s.from];
  if (first === undefined || first.kind !== 'w' || !SUBORDINATORS.has(first.lower)) return -1;
  for (let i = s.from + 1; i < k && i - s.from <= WINDOW; i++) {
    const it = items[i]!;
    // "After Scalia said … at “less advanced schools,” Trump said:": a quote's comma ends it too.
    if (it.text === ',' || (it.kind === 'q' && /,['"\u2019\u201D]*$/.test(it.text))) return i;
  }
  return -1;
}

/** The nearest cue before the quote in the same sentence. */
function before(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  const subordinate = openingClauseEnd(items, s, k);
  for (let c = k - 1; c >= s.from && c >= k - WINDOW; c--) {
    const it = items[c]!;
    if (c < subordinate) break;
    if (!isCueAt(items, c)) continue;
    if (isParticiple(it.lower)) {
      // "footage of Hillary Clinton asking, “…”": a name right before the participle, with
      // no comma between, is its subject.
      const prev = items[c - 1];
      if (prev !== undefined && c - 1 >= s.from && prev.kind === 'w' && /^\p{Lu}/u.test(prev.text)) {
        const m = mentionBefore(items, text, c, s.from);
        const named = m === null ? null : splitMention(m.text);
        if (m !== null && named !== null && named.type === 'person') return { mention: m, cue: cueText(items, c), cueAt: c };
      }
      // "…, adding that it is “…”": the speaker is the subject of the finite cue before.
      for (let f = c - 1; f >= s.from && f >= k - WINDOW; f--) {
        const fc = items[f]!;
        if (!isCueAt(items, f) || isParticiple(fc.lower)) continue;
        const m = mentionBefore(items, text, f, s.from) ?? mentionAfter(items, text, f, c);
        if (m !== null) return { mention: m, cue: cueText(items, c), cueAt: c };
      }
      const subject = clauseSubject(items, text, s, c);
      // Every finite cue before was tried above: nothing further left can be the speaker.
      return subject === null ? null : { mention: subject, cue: cueText(items, c), cueAt: c };
    }
    // "Sanders was asked by host Bill Maher, “…”": in the passive the agent speaks.
    if (items[c + 1]?.lower === 'by' && /^(was|were|is|are|been|being)$/.test(items[c - 1]?.lower ?? '')) {
      const agent = mentionAfter(items, text, c + 1, k);
      if (agent !== null) return { mention: agent, cue: cueText(items, c), cueAt: c };
    }
    // "Because of how the schedule was made, explained Rosenberg, “…”": a cue after a comma
    // with a name between it and the quote is inverted.
    const m = mentionBefore(items, text, c, s.from);
    if (items[c - 1]?.text === ',' && INVERTING_CUES.test(it.lower) && (m === null || !/^\p{Lu}/u.test(m.text))) {
      const inverted = mentionAfter(items, text, c, k);
      if (inverted !== null && /^\p{Lu}/u.test(inverted.text) && onlyPunctuation(items, inverted.to, k)) return { mention: inverted, cue: cueText(items, c), cueAt: c };
    }
    // "he asked about the Brotherhood, called Omar a “terrorist”": a clause, not a speaker.
    const clause = m !== null && items[c - 1]?.text === ',' && holdsClause(items, m);
    if (m !== null && !clause) return outer(items, text, s, m.from, k, subordinate) ?? { mention: m, cue: cueText(items, c), cueAt: c };
    if (clause) {
      const shared = coordinatedSubject(items, text, s, c);
      if (shared !== null) return { mention: shared, cue: cueText(items, c), cueAt: c };
    }
    // Inverted order only where no subject can precede: "…: says the report, “…”".
    const opening = c === s.from || items[c - 1]!.kind !== 'w';
    const inverted = opening ? mentionAfter(items, text, c, k) : null;
    if (inverted !== null) return { mention: inverted, cue: cueText(items, c), cueAt: c };
    // A second verb of the same subject: "Cruz knocked Rubio on trade and called him “…”".
    const shared = items[c - 1]?.lower === 'and' ? coordinatedSubject(items, text, s, c) : null;
    if (shared !== null) return { mention: shared, cue: cueText(items, c), cueAt: c };
  }
  return null;
}

/** Cues that take no object, so a name after them is their subject ("…, explained Rosenberg, “…”"). */
const INVERTING_CUES = /^(said|says|added|adds|explained|explains|wrote|writes|recalled|recalls|noted|notes|continued|continues|asked|asks|argued|argues|insisted|insists)$/;

function onlyPunctuation(items: readonly Item[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (items[i]!.kind !== 'p') return false;
  return true;
}

/**
 * The subject of the verb an "and" joins a cue to: the nearest name before it that a
 * finite verb follows, as in "when Cruz knocked Rubio on trade and called him …".
 */
function coordinatedSubject(items: readonly Item[], text: string, s: Sentence, c: number): Mention | null {
  for (let b = c - 2; b >= s.from && c - b <= WINDOW; b--) {
    const it = items[b]!;
    if (it.kind === 'q' || it.text === ';') return null;
    const verb = items[b + 1]!;
    const subject = it.kind === 'w' && (/^\p{Lu}/u.test(it.text) || /^(he|she|they|we|i)$/.test(it.text));
    if (!subject || verb.kind !== 'w' || /^\p{Lu}/u.test(verb.text)) continue;
    if (!isFiniteVerb(verb.lower)) continue;
    const m = mentionBefore(items, text, b + 1, s.from);
    const type = m === null ? null : splitMention(m.text).type;
    if (m === null || m.to !== b + 1 || type === 'descriptor') continue;
    // A pronoun may belong to a clause inside ("The president noted that he taught …, and
    // added"): the sentence's own subject comes first then.
    if (type === 'pronoun') return sentenceSubject(items, text, s.from, c) ?? m;
    return m;
  }
  return null;
}

/** Words in -s or -ed after a name that are not its verb. */
const PHRASE_STOP_VERBS = /^(?:is|was|has|does|its|this|thus|plus|as|us)$/;

function isFiniteVerb(w: string): boolean {
  if (PHRASE_STOP_VERBS.test(w)) return false;
  // A word in -s is as often a plural noun ("Obama's campaigns"): only a verb by the lexicon.
  if (/[a-z]{2}s$/.test(w)) return isVerbForm(w) || (CUE_FORMS.has(w) && !NOUN_LIKE_FORMS.has(w));
  return /[a-z]{2}ed$/.test(w) || IRREGULAR_PAST.has(w);
}

/** A phrase that holds a subject and its verb ("the call, he asked about …") is a clause. */
function holdsClause(items: readonly Item[], m: Mention): boolean {
  for (let i = m.from; i + 1 < m.to; i++) {
    const it = items[i]!;
    const next = items[i + 1]!;
    const subject = it.kind === 'w' && (/^(he|she|they|we|i)$/.test(it.lower) || (/^\p{Lu}/u.test(it.text) && i > m.from && !/['\u2019]s$/.test(it.text)));
    if (subject && next.kind === 'w' && !/^\p{Lu}/u.test(next.text) && isFiniteVerb(next.lower)) return true;
  }
  return false;
}

/** Speech cues that frame a whole reported clause ("Trump said … that Clinton called it “…”"). */
const FRAMING = new Set(['say', 'tell', 'add', 'argue', 'write', 'claim', 'insist', 'note', 'explain', 'warn', 'announce', 'acknowledge', 'admit', 'report', 'suggest', 'predict', 'state', 'contend', 'assert']);

/**
 * The outer attribution of a quote nested in a reported clause: a speech cue earlier in the
 * sentence whose clause holds the inner one, with no coordination (";", ", and", ", but")
 * between. News corpora attribute the quote to the outer speaker, who is the one quoting.
 */
function outer(items: readonly Item[], text: string, s: Sentence, innerFrom: number, k: number, subordinate: number): Attribution | null {
  // A cue in an opening subordinate clause frames nothing after it ("After Scalia said …, Trump said:").
  for (let c = innerFrom - 1; c >= s.from && c >= k - WINDOW && c > subordinate; c--) {
    const it = items[c]!;
    // A new clause has a subject of its own: "…, and …", "…, to which O'Malley interjected".
    if (it.text === ';' || (it.text === ',' && /^(and|but|while|as|to|which|who|when|where)$/.test(items[c + 1]?.lower ?? ''))) return null;
    const lemma = CUE_FORMS.get(it.lower);
    if (lemma === undefined || !FRAMING.has(lemma) || !isCueAt(items, c) || isParticiple(it.lower)) continue;
    const m = mentionBefore(items, text, c, s.from);
    if (m !== null) return { mention: m, cue: cueText(items, c), cueAt: c };
  }
  return null;
}

/** "according to X" anywhere in the sentence. */
function according(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  const to = accordingTo(items, Math.max(s.from, k - WINDOW), Math.min(s.to, k + WINDOW));
  if (to < 0) return null;
  const m = mentionAfter(items, text, to, s.to);
  if (m === null || (m.from <= k && k < m.to)) return null;
  return { mention: m, cue: 'according to', cueAt: to - 1 };
}

/** "Said Comey, “…”": a capitalised cue opening the sentence, its speaker after it. */
function inverted(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  const cue = items[s.from];
  if (cue === undefined || cue.kind !== 'w' || k - s.from > 40 || !/^\p{Lu}/u.test(cue.text) || !/^(said|says|added|adds|wrote|writes|asked|asks|explained|noted|recalled|tweeted)$/.test(cue.lower)) return null;
  const m = mentionAfter(items, text, s.from, k);
  const join = items[m?.to ?? -1];
  if (m === null || (m.to !== k && !(join?.kind === 'p' && /^[,:]$/.test(join.text) && m.to + 1 === k))) return null;
  return { mention: m, cue: cue.text, cueAt: s.from };
}

/** "Name: “…”" — a colon right after a phrase at the sentence start. */
function colon(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  const c = k - 1;
  if (c <= s.from || items[c]!.text !== ':') return null;
  const m = mentionBefore(items, text, c, s.from);
  if (m === null) return null;
  // "… doesn't surprise Republican pollster Daron Shaw: “…”": a person's full name right
  // before the colon, whatever the clause made of it.
  const split = splitMention(m.text);
  const named = split.type === 'person' && split.name !== null && split.name.includes(' ');
  if (!named && !/^\p{Lu}/u.test(m.text)) return null;
  // The phrase must open its clause: in "Clinton said of the request: “…”" it is an object.
  const left = items[m.from - 1];
  // "More from Jones: “…”": the source of an excerpt is named after "from".
  const source = left !== undefined && left.lower === 'from';
  const opens = source || left === undefined || m.from <= afterDateline(items, s.from) || (left.kind === 'p' && /^[-\u2013\u2014,;]+$/.test(left.text));
  // "Said Ellis: “…”": an inverted cue opening the sentence.
  const afterCue = left !== undefined && m.from - 1 === s.from && CUE_FORMS.has(left.lower);
  if (!opens && !afterCue && !named) return null;
  return { mention: m, cue: ':', cueAt: c };
}

/**
 * "…, Rubio fired back forcefully: “…”": the subject of the clause that the colon ends,
 * whatever its verb.
 */
function colonClause(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  const c = k - 1;
  if (c <= s.from || items[c]!.text !== ':') return null;
  let from = c - 1;
  while (from > s.from && items[from - 1]!.text !== ',' && items[from - 1]!.kind !== 'q' && c - from < WINDOW) from--;
  let m = sentenceSubject(items, text, from, c);
  // "The scheduling was so odd that a spokesman for X could only quip:": the clause the colon ends.
  if (m === null) {
    let b = c - 1;
    while (b > from && !(items[b]!.kind === 'w' && CLAUSE_BREAKS.has(items[b]!.lower))) b--;
    if (b > from) m = sentenceSubject(items, text, b + 1, c);
  }
  if (m === null || m.to >= c || speaksNot(m.text)) return null;
  return { mention: m, cue: ':', cueAt: c };
}

/**
 * A quote woven into a sentence with no cue ("Bush referred to Rubio as “a bright
 * leader”") is the words of the sentence's subject, when the subject comes before it.
 */
function subject(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  if (k === s.from || k - s.from > WINDOW) return null;
  const m = sentenceSubject(items, text, s.from, k) ?? clauseBefore(items, text, k, s);
  return m === null ? null : { mention: m, cue: '', cueAt: m.to };
}

/** Words after which a clause of its own begins. */
const CLAUSE_BREAKS = new Set(['that', 'and', 'but', 'when', 'while', 'because', 'after', 'since', ',', ';']);

/**
 * The subject of the nearest clause before the quote, when the sentence's own subject is not
 * found: "It has become such a presence that Sanders thanked its members “…”".
 */
function clauseBefore(items: readonly Item[], text: string, k: number, s: Sentence): Mention | null {
  let tried = 0;
  for (let b = k - 2; b > s.from && tried < 2; b--) {
    const it = items[b]!;
    if (it.kind === 'q') return null;
    if (!CLAUSE_BREAKS.has(it.lower)) continue;
    tried++;
    const m = sentenceSubject(items, text, b + 1, k);
    if (m !== null && /^\p{Lu}/u.test(m.text) && !speaksNot(m.text)) return m;
  }
  return null;
}

/**
 * An inverted attribution with a verb missing from the lexicon, right after the
 * quote: "“…!” beamed Donald Hartley" or "“…,” Smith quipped."
 */
function looseAfter(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  if (!leadsOn(items, k, s.to)) return null;
  const j = firstAfter(items, k, s.to);
  const verbLike = (it: Item | undefined): boolean =>
    it !== undefined && it.kind === 'w' && ((/^[a-z]+(ed|s)$/.test(it.text) && it.text.length > 3) || IRREGULAR_PAST.has(it.text));
  const first = items[j];
  if (verbLike(first) && items[j + 1] !== undefined && /^\p{Lu}/u.test(items[j + 1]!.text)) {
    const m = mentionAfter(items, text, j, s.to);
    if (m !== null) return { mention: m, cue: first!.text, cueAt: j };
  }
  const m = mentionAfter(items, text, j - 1, s.to);
  if (m === null || !verbLike(items[m.to])) return null;
  // "“…,” Blige sings to Clinton": a short capitalised name may take any verb.
  const ends = m.to + 1 >= s.to || items[m.to + 1]!.kind === 'p';
  const name = /^\p{Lu}/u.test(m.text) && m.to - m.from <= 4;
  return ends || name ? { mention: m, cue: items[m.to]!.text, cueAt: m.to } : null;
}

/** Dashes that set off a credit: "“…” ― Edwin Monroy", or "- Name." on a line of its own. */
export const DASHES: ReadonlySet<string> = new Set(['\u2014', '\u2015', '\u2013', '-', '--']);

/** A dash and a name closing the line: "“…” ― Edwin Monroy". */
function dash(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  const d = items[k + 1];
  if (d === undefined || k + 1 >= s.to || d.kind !== 'p' || !DASHES.has(d.text)) return null;
  const m = mentionAfter(items, text, k + 1, s.to);
  if (m === null || !/^\p{Lu}/u.test(m.text)) return null;
  for (let i = m.to; i < s.to; i++) if (items[i]!.kind !== 'p') return null;
  return { mention: m, cue: d.text, cueAt: k + 1 };
}

/**
 * An attribution closing the sentence, ", said Steve Lund." or ", Lund said.",
 * after words that follow the quote ("“It is unlikely” that they win, said Lund.").
 */
function tail(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  let end = s.to;
  while (end > k + 1 && end > s.to - MAX_TAIL && items[end - 1]!.kind === 'p') end--;
  for (let c = end - 1; c > k + 1 && c >= end - MAX_TAIL; c--) {
    if (items[c]!.kind === 'q') return null;
    if (!isCueAt(items, c)) continue;
    if (items[c - 1]!.text === ',') {
      const m = mentionAfter(items, text, c, s.to);
      return m !== null && m.to >= end - 1 ? { mention: m, cue: cueText(items, c), cueAt: c } : null;
    }
    const m = mentionBefore(items, text, c, k + 1);
    if (m === null || items[m.from - 1]?.text !== ',') return null;
    let after = c + 1;
    while (after < end && items[after]!.kind === 'w' && MONTHS_DAYS.has(items[after]!.lower)) after++;
    // "…, Ben Carson said after the attacks.": a short phrase of time or place may close it.
    if (after < end && end - after <= 6 && /^(after|before|during|in|at|on|from|outside)$/.test(items[after]!.lower)) {
      let w = after + 1;
      while (w < end && items[w]!.kind === 'w' && !isCueAt(items, w)) w++;
      if (w >= end) after = end;
    }
    return after >= end ? { mention: m, cue: cueText(items, c), cueAt: c } : null;
  }
  return null;
}

const MAX_TAIL = 30;

const PRONOUN_MENTION = /^(he|she|they|it)$/i;

/**
 * A pronoun speaker inside the sentence whose subject it repeats: "Ban condemned what he
 * called a “brazen breach”", "Putney said …, but he said the footage “supports …”".
 */
function withAntecedent(items: readonly Item[], text: string, s: Sentence, attr: Attribution | null): Attribution | null {
  if (attr === null || !PRONOUN_MENTION.test(attr.mention.text) || attr.mention.from - s.from > 2 * WINDOW) return attr;
  const subject = sentenceSubject(items, text, s.from, attr.mention.from);
  if (subject === null || subject.to > attr.mention.from || PRONOUN_MENTION.test(subject.text)) return attr;
  return { ...attr, antecedent: subject };
}

/** Of a cue before the quote and an "according to", the one nearer the quote. */
function nearer(a: Attribution | null, b: Attribution | null, k: number): Attribution | null {
  if (a === null || b === null) return a ?? b;
  const db = b.cueAt < k ? k - b.cueAt : Infinity;
  return db < k - a.cueAt ? b : a;
}

/** Attribution of the quote at item `k` from its own sentence, or null. */
export function attributeInSentence(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  let attr = firstSieve(items, text, k, s);
  // A phrase that names nothing that can speak ("the rampant", "the streets") is no speaker;
  // the sentence's subject may be ("Protesters marching through the streets chanted “…”").
  if (attr !== null && speaksNot(attr.mention.text)) {
    const alternative = subject(items, text, k, s);
    attr = alternative !== null && !speaksNot(alternative.mention.text) ? alternative : null;
  }
  return withAntecedent(items, text, s, attr);
}

function speaksNot(mention: string): boolean {
  // A capital past the first word may be a name the phrase walk ran past: keep it.
  if (/\s\p{Lu}/u.test(mention)) return false;
  const split = splitMention(mention);
  return split.type === 'descriptor' && split.head === 'none';
}

function firstSieve(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  return (
    // A noun for speech governs the quote before any cue around it: "Pence blamed the media
    // for Trump’s claim that Obama “founded ISIS,” saying …" is Trump's claim.
    possessedWords(items, text, k, s, 'content') ??
    after(items, text, k, s) ??
    // "Trump’s remarks were “racist,” Ryan said": what the speech was is said by the cue after.
    possessedWords(items, text, k, s, 'copula') ??
    looseAfter(items, text, k, s) ??
    dash(items, text, k, s) ??
    tail(items, text, k, s) ??
    inverted(items, text, k, s) ??
    // "Pollsters agree - Carl Bialik: “…”": a name and a colon right before the quote.
    colon(items, text, k, s) ??
    nearer(before(items, text, k, s), according(items, text, k, s), k) ??
    colonClause(items, text, k, s) ??
    possessor(items, text, k, s) ??
    subject(items, text, k, s)
  );
}

/** Nouns for what someone says: "X’s answer was …", "X’s campaign slogan is …". */
const SPEECH_NOUNS = new Set([
  'answer', 'response', 'reply', 'retort', 'slogan', 'motto', 'message', 'refrain', 'mantra',
  'tagline', 'catchphrase', 'phrase', 'line', 'argument', 'claim', 'contention', 'verdict',
  'assessment', 'advice', 'warning', 'promise', 'pledge', 'vow', 'plea', 'pitch', 'explanation',
  'excuse', 'rationale', 'conclusion', 'prediction', 'complaint', 'description', 'words',
  'comment', 'remark', 'statement', 'question', 'request', 'demand', 'boast', 'cry',
  'accusation', 'assertion', 'insistence', 'suggestion', 'allegation', 'characterization',
  'declaration', 'denial', 'admission', 'charge',
]);
const COPULAS = new Set(['is', 'was', 'remains', 'remained', 'became', 'been', 'being']);

/**
 * "The Florida senator’s answer was that “…”", "Hillary Clinton’s campaign slogan is “…”",
 * "Comey’s conclusion that her actions were “extremely careless”": the owner of a noun for
 * speech, when the quote is what that speech was or said.
 */
function possessedWords(items: readonly Item[], text: string, k: number, s: Sentence, shape: SpeechShape): Attribution | null {
  const head = speechNounFor(items, k, s, shape);
  if (head === null) return null;
  // Up to two words between the owner and the noun ("campaign", "catch").
  for (let p = head - 1; p >= s.from && p >= head - 3; p--) {
    const owner = possessiveAt(items, p);
    if (owner === null) {
      if (items[p]!.kind !== 'w' || /^\p{Lu}/u.test(items[p]!.text)) return null;
      continue;
    }
    const first = ownerStart(items, owner, s);
    return first === null ? null : ownerMention(items, text, first, owner, head);
  }
  return null;
}

/** The owner's phrase from `first` to the possessive at `owner`, without its ’s, as an attribution. */
function ownerMention(items: readonly Item[], text: string, first: number, owner: number, cueAt: number): Attribution {
  const start = items[first]!.start;
  const stop = items[owner]!.end - (/['\u2019]s$/.test(items[owner]!.text) ? 2 : 0);
  return { mention: { from: first, to: owner + 1, text: text.slice(start, stop), start, end: stop }, cue: '', cueAt };
}

/** "claim that …" (the quote is what was said) or "answer was …" (the quote is the speech). */
type SpeechShape = 'content' | 'copula';

/**
 * The noun for speech whose content the quote at `k` is: "answer was (that) “…”", "claim
 * that Obama “…”", "assertion of a “…”". Nothing that could be a speaker of its own (a cue,
 * a comma, another quote) may stand between.
 */
function speechNounFor(items: readonly Item[], k: number, s: Sentence, shape: SpeechShape): number | null {
  // The noun first (a set look-up per word), then no cue between it and the quote.
  let h = k - 1;
  for (; h >= s.from && h >= k - 10; h--) {
    const it = items[h]!;
    if (it.kind !== 'w') return null;
    if (SPEECH_NOUNS.has(it.lower) || (it.lower.endsWith('s') && SPEECH_NOUNS.has(it.lower.slice(0, -1)))) break;
  }
  if (h < s.from || h < k - 10) return null;
  for (let c = h; c < k; c++) if (isCueAt(items, c)) return null;
  const next = items[h + 1]!;
  // "claim that …", "assertion of a …": the content follows at once.
  if (next.lower === 'that' || next.lower === 'of') return shape === 'content' && h + 1 < k ? h : null;
  if (shape !== 'copula') return null;
  // "answer was (that) “…”", "slogan in that race was …": a copula right before the quote.
  let c = k - 1;
  if (items[c]?.lower === 'that') c--;
  if (items[c]?.lower === 'been' && /^(has|had|have)$/.test(items[c - 1]?.lower ?? '')) c--;
  return c > h && COPULAS.has(items[c]!.lower) && c - h <= 7 ? h : null;
}

/** The index of the word owning a possessive ending at `i` ("Clinton’s", "Forbes ’"), or null. */
function possessiveAt(items: readonly Item[], i: number): number | null {
  const it = items[i]!;
  if (it.kind === 'w' && /\p{L}['\u2019]s$/u.test(it.text)) return i;
  if (it.kind === 'p' && /^['\u2019]$/.test(it.text) && items[i - 1]?.kind === 'w' && items[i - 1]!.lower.endsWith('s')) return i - 1;
  return null;
}

/** Where an owner's phrase starts: its run of capitalised words, or "the"/"a" before a noun. */
function ownerStart(items: readonly Item[], owner: number, s: Sentence): number | null {
  const base = items[owner]!.lower.replace(/['\u2019]s$/, '');
  if (NOT_POSSESSORS.test(base) || MONTHS_DAYS.has(base) || PLACES.has(base)) return null;
  if (/^\p{Lu}\p{Ll}/u.test(items[owner]!.text)) {
    let first = owner;
    // The run stops at a capitalised function word: "From Donald Trump’s …" is Donald Trump's.
    while (first - 1 >= s.from && items[first - 1]!.kind === 'w' && /^\p{Lu}\p{Ll}/u.test(items[first - 1]!.text) && !CAPITAL_FUNCTION.has(items[first - 1]!.lower) && items[first - 1]!.lower !== 'the') first--;
    return first;
  }
  // "the Florida senator’s": a determiner a few words back opens the phrase.
  for (let d = owner - 1; d >= s.from && d >= owner - 4; d--) {
    const w = items[d]!;
    if (w.kind !== 'w') return null;
    if (/^(the|a|an)$/.test(w.lower)) return d;
  }
  return null;
}

/** Capitalised words with ’s that are no one's: contractions and times. */
const NOT_POSSESSORS = /^(it|he|she|that|there|what|here|let|who|where|today|tonight|yesterday|tomorrow|this|last|next)$/;

/**
 * Whose words a quote is when only a possessive names them: "Mitt Romney’s “47 percent”
 * comment", "in Forbes’ words, “…”". The name's run of capitalised words, right before the
 * quote (or before "words,"), with no cue of its own.
 */
function possessor(items: readonly Item[], text: string, k: number, s: Sentence): Attribution | null {
  let end = k - 1;
  // "in X’s words, “…”" / "in X’ words “…”"
  if (items[end]?.text === ',') end--;
  if (items[end]?.lower === 'words' && end - 1 >= s.from) end--;
  else if (end !== k - 1) return null;
  if (end < s.from) return null;
  const owner = possessiveAt(items, end);
  // Right before the quote, only a name owns it (not "the port’s “…”").
  if (owner === null || owner < s.from || !/^\p{Lu}\p{Ll}/u.test(items[owner]!.text)) return null;
  const first = ownerStart(items, owner, s);
  return first === null ? null : ownerMention(items, text, first, owner, owner);
}

/** The named subject of a whole sentence ("Sen. Lee, who lost, identified …"), as an attribution. */
export function subjectOf(items: readonly Item[], text: string, s: Sentence): Attribution | null {
  if (s.to - s.from > WINDOW) return null;
  const m = sentenceSubject(items, text, s.from, s.to);
  if (m === null || !/^\p{Lu}/u.test(m.text) || PRONOUN_MENTION.test(m.text)) return null;
  return { mention: m, cue: '', cueAt: m.to };
}

/**
 * A sentence that sets up the next quote: "Smith told reporters:" or "…, he said." at its
 * end. Returns the attribution its last cue gives, for a quote opening the next sentence.
 */
export function setUp(items: readonly Item[], text: string, s: Sentence): Attribution | null {
  // A sentence that ends in a colon introduces what follows, whatever its length ("As Joel
  // Pollak observed, the biggest victor was the stage itself:").
  const reach = items[s.to - 1]?.text === ':' ? WINDOW : 12;
  for (let c = s.to - 1; c >= s.from && c >= s.to - reach; c--) {
    const it = items[c]!;
    if (it.kind === 'q') return null;
    if (!isCueAt(items, c) || isParticiple(it.lower)) continue;
    const m = mentionBefore(items, text, c, s.from) ?? mentionAfter(items, text, c, s.to);
    return m === null ? null : { mention: m, cue: cueText(items, c), cueAt: c };
  }
  return null;
}
