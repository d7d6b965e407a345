// What kind of thing a phrase without a name stands for, from its head noun: a person ("the
// official", "a senior aide"), an organisation ("the company", "the agency"), a document
// ("the report", "a statement"), nothing that can speak ("the past", "the streets"), or a
// noun we do not know (kept: a rule that does not know a word must not silence it).
// Pronouns are resolved against this: "she" never means "the company" or "a sample".

import { isAdjectiveOnly } from './word-classes.js';

export type HeadKind = 'person' | 'org' | 'document' | 'none' | 'unknown';

/** Nouns for people that no suffix rule below recognises. */
const PERSON_NOUNS = new Set([
  'official', 'officials', 'aide', 'aides', 'chief', 'chiefs', 'head', 'heads', 'leader', 'leaders', 'member', 'members',
  'staff', 'staffer', 'staffers', 'source', 'sources', 'expert', 'experts', 'critic', 'critics', 'judge', 'judges',
  'lawyer', 'lawyers', 'attorney', 'attorneys', 'counsel', 'envoy', 'envoys', 'diplomat', 'diplomats', 'candidate',
  'candidates', 'nominee', 'nominees', 'delegate', 'delegates', 'senator', 'senators', 'congressman', 'congresswoman',
  'governor', 'mayor', 'president', 'minister', 'ministers', 'secretary', 'ambassador', 'chairman', 'chairwoman',
  'chair', 'ceo', 'cfo', 'coo', 'founder', 'co-founder', 'owner', 'actor', 'actress', 'singer', 'star', 'host',
  'coach', 'speaker', 'driver', 'shooter', 'attacker', 'buyer', 'seller', 'donor', 'donors', 'sponsor', 'player', 'players', 'captain', 'veteran', 'veterans', 'activist', 'activists', 'resident', 'residents',
  'student', 'students', 'parent', 'parents', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'sister',
  'brother', 'friend', 'friends', 'neighbor', 'neighbour', 'neighbors', 'neighbours', 'witness', 'witnesses',
  'victim', 'victims', 'survivor', 'survivors', 'people', 'person', 'man', 'woman', 'men', 'women', 'child',
  'children', 'boy', 'girl', 'voter', 'voters', 'supporter', 'supporters', 'opponent', 'opponents', 'protester',
  'protesters', 'protestor', 'protestors', 'doctor', 'doctors', 'nurse', 'nurses', 'officer', 'officers',
  'agent', 'agents', 'detective', 'prosecutor', 'prosecutors', 'investigator', 'investigators', 'executive',
  'executives', 'director', 'directors', 'manager', 'managers', 'analyst', 'analysts', 'economist', 'economists',
  'scientist', 'scientists', 'researcher', 'researchers', 'author', 'authors', 'writer', 'writers', 'professor',
  'teacher', 'teachers', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'representative',
  'representatives', 'lawmaker', 'lawmakers', 'legislator', 'legislators', 'strategist', 'strategists',
  'consultant', 'consultants', 'adviser', 'advisers', 'advisor', 'advisors', 'democrat', 'democrats', 'republican',
  'republicans', 'conservative', 'conservatives', 'liberal', 'liberals', 'colleague', 'colleagues', 'partner',
  'employee', 'employees', 'worker', 'workers', 'fan', 'fans', 'customer', 'customers', 'user', 'users', 'client',
  'patient', 'patients', 'historian', 'physician', 'politician', 'musician', 'pastor', 'priest', 'bishop', 'pope',
  'king', 'queen', 'prince', 'princess', 'general', 'colonel', 'sergeant', 'soldier', 'soldiers', 'commander',
  'deputy', 'assistant', 'architect', 'engineer', 'engineers', 'inspector', 'auditor', 'banker', 'bankers',
  'investor', 'investors', 'trader', 'traders', 'farmer', 'farmers', 'fisherman', 'fishermen', 'owners',
  'pollster', 'pollsters', 'insider', 'insiders', 'observer', 'observers', 'defendant', 'plaintiff', 'organizer',
  'organizers', 'organiser', 'organisers', 'volunteer', 'volunteers', 'rep', 'sen', 'gov', 'correspondent',
  'reporter', 'reporters', 'journalist', 'journalists', 'editor', 'editors', 'columnist', 'anchor', 'narrator',
  'he', 'she',
]);

/** Nouns for organisations and bodies that speak as one. */
const ORG_NOUNS = new Set([
  'company', 'companies', 'firm', 'firms', 'group', 'groups', 'agency', 'agencies', 'department', 'ministry',
  'government', 'governments', 'administration', 'campaign', 'committee', 'council', 'commission', 'board',
  'party', 'parties', 'union', 'unions', 'office', 'court', 'courts', 'police', 'army', 'military', 'navy',
  'embassy', 'university', 'school', 'hospital', 'bank', 'banks', 'label', 'network', 'studio', 'team', 'club',
  'league', 'organization', 'organisation', 'organizations', 'organisations', 'association', 'federation',
  'institute', 'foundation', 'charity', 'coalition', 'alliance', 'regime', 'state', 'states', 'city', 'county',
  'country', 'nation', 'authority', 'authorities', 'service', 'bureau', 'center', 'centre', 'parliament',
  'congress', 'senate', 'house', 'cabinet', 'panel', 'jury', 'newspaper', 'magazine', 'broadcaster', 'website',
  'site', 'outlet', 'publisher', 'paper', 'station', 'channel', 'platform', 'app', 'brand', 'retailer', 'maker',
  'manufacturer', 'carrier', 'airline', 'operator', 'provider', 'developer', 'startup', 'giant', 'industry',
  'lobby', 'watchdog', 'regulator', 'regulators', 'prosecution', 'defense', 'defence', 'family', 'families',
  'couple', 'crowd', 'audience', 'majority', 'minority', 'public',
]);

/** Things written or broadcast that "say" what their authors said. */
const DOCUMENT_NOUNS = new Set([
  'statement', 'statements', 'report', 'reports', 'letter', 'letters', 'release', 'filing', 'filings',
  'complaint', 'lawsuit', 'suit', 'indictment', 'memo', 'email', 'e-mail', 'emails', 'tweet', 'tweets', 'post',
  'posts', 'message', 'messages', 'note', 'ad', 'ads', 'advertisement', 'video', 'book', 'article', 'editorial',
  'study', 'survey', 'poll', 'polls', 'document', 'documents', 'transcript', 'ruling', 'order', 'decision',
  'opinion', 'petition', 'bill', 'law', 'policy', 'plan', 'proposal', 'guidelines', 'analysis',
  'announcement', 'notice', 'warning', 'speech', 'interview', 'op-ed', 'blog', 'page', 'sign', 'banner',
  'headline', 'caption', 'slogan', 'manifesto', 'motion', 'resolution', 'brief', 'affidavit', 'testimony',
  'summary', 'research', 'findings', 'data', 'footage', 'recording', 'tape', 'documentary', 'film',
]);

/** Heads that are no speaker at all: time and place words, adjectives left without a noun. */
const NO_SPEAKER = new Set([
  'past', 'future', 'present', 'rest', 'latter', 'former', 'same', 'other', 'others', 'following', 'above',
  'below', 'first', 'last', 'next', 'time', 'times', 'day', 'days', 'week', 'weeks', 'year', 'years', 'month',
  'months', 'street', 'streets', 'world', 'way', 'ways', 'thing', 'things', 'fact', 'idea', 'story', 'situation',
  'issue', 'problem', 'question', 'case', 'point', 'part', 'end', 'number', 'lot', 'kind', 'sort', 'type', 'moment',
  'exchange', 'meeting', 'event', 'incident', 'attack', 'vote', 'race', 'election', 'debate', 'hearing', 'session',
  'trip', 'visit', 'area', 'place', 'region', 'side', 'top', 'bottom', 'front', 'back', 'success', 'failure',
  'importance', 'experience', 'career', 'sample',
]);

/** Adjective endings: a phrase that ends in one has lost its noun ("the rampant", "his anti-Muslim"). */
const ADJECTIVE_END = /(?:ous|ful|less|able|ible|ish)$/;

/** The kind of thing named by a phrase's head noun (its last word, lower case). */
export function headKind(head: string): HeadKind {
  const h = head.toLowerCase().replace(/[’']s?$/, '');
  if (PERSON_NOUNS.has(h)) return 'person';
  if (ORG_NOUNS.has(h)) return 'org';
  if (DOCUMENT_NOUNS.has(h)) return 'document';
  if (NO_SPEAKER.has(h)) return 'none';
  // People by their trade: -man/-woman/-person, -ist, -ian, -ee.
  if (/(?:man|woman|men|women|person|people|ist|ists|ian|ians|eer|eers|ee|ees)$/.test(h) && h.length > 3) return 'person';
  if (ADJECTIVE_END.test(h) || isAdjectiveOnly(h)) return 'none';
  return 'unknown';
}
