import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';

// Speaker resolution on the error classes found on news from many outlets. The texts are
// our own, written in the shapes those articles have.
const speakers = (text: string): (string | null)[] => extractQuotes(text).map((q) => q.speaker);

describe('speakers are people and organisations, resolved', () => {
  it('gives a singer’s quotes after “she said” to the singer, not the company met in between', () => {
    const text = [
      'Last week, Mira Holt posted on her website accusing Harbour Records of blocking her tour.',
      'She claimed the company wanted a share of the ticket money.',
      '“I just want to sing my own songs,” she said.',
    ].join('\n\n');
    expect(speakers(text)).toEqual(['Mira Holt']);
  });

  it('takes who a sentence is about as the antecedent of a later “he”', () => {
    const text = [
      '“Prices will fall next year,” said Omar Reyes, an analyst at Tidewater.',
      'Jonas Abel, however, is counting on the new ferries to bring in tourists. “This is where the town grows,” he says.',
    ].join('\n\n');
    expect(speakers(text)).toEqual(['Omar Reyes', 'Jonas Abel']);
  });

  it('keeps a role’s tail out of the name, and a sentence-opening participle too', () => {
    expect(speakers('“We need a deal,” said former special envoy to Norway Kurt Vollan.')).toEqual(['Kurt Vollan']);
    expect(speakers('Hosting Lund at the harbour, the mayor praised him.\n\n“The quay is a gift,” Lund said.')).toEqual(['Lund']);
    expect(speakers('Canada’s ambassador to Britain Ana Ruiz said the talks were “going well”.')).toEqual(['Ana Ruiz']);
  });

  it('never makes a person of an organisation’s name', () => {
    expect(speakers('Physicians for Open Harbours said the closure was “a disgrace.”')).toEqual(['Physicians for Open Harbours']);
  });

  it('takes the name before a chain of appositives and before an affiliation', () => {
    expect(
      speakers('Ines Sola, a senior analyst at Tidewater, the Oslo-based shipping consultancy, told reporters the plan was "bold but sound."'),
    ).toEqual(['Ines Sola']);
    expect(speakers('"The data are clear," said marine biologist Ada Lund of the Nordic Ocean Institute.')).toEqual(['Ada Lund']);
    expect(
      speakers('"We got more out than we put in," Piet de Vries, a fellow at the Harbour Institute in Bergen, Norway, and co-author of the study, said in a statement.'),
    ).toEqual(['Piet de Vries']);
  });

  it('resolves a role to the person introduced with it', () => {
    const text = 'Port President Clara Nyberg opened the quay on Monday.\n\n“We are ready,” the president said.';
    expect(speakers(text)).toEqual(['Clara Nyberg']);
  });

  it('reads past a dateline and across a spaced dash', () => {
    expect(speakers('OSLO, May 3 (NTB) — Mayor Ada Lund rallied supporters, saying: “We will build it.”')).toEqual(['Ada Lund']);
    expect(speakers('Economists agree - Omar Reyes: “The harbour pays for itself.”')).toEqual(['Omar Reyes']);
  });

  it('gives a participle the subject of its own clause', () => {
    expect(speakers('The first protest came during a speech, when harbour workers interrupted the mayor, shouting “no more cuts!”')).toEqual([
      'harbour workers',
    ]);
    expect(speakers('The union tried to stop the vote, with one of its leaflets asking, “Who pays for the quay?”')).toEqual(['one of its leaflets']);
  });

  it('tells a verb from a plural noun after a name, and a name before a participle', () => {
    expect(speakers('Ada Lund sees the new quay as “a gift to the town.”')).toEqual(['Ada Lund']);
    expect(speakers('Harbour aides said the plan was “dead in the water.”')).toEqual(['Harbour aides']);
    expect(speakers('The ad uses footage of Mira Holt asking, “Why is the ferry late?”')).toEqual(['Mira Holt']);
  });

  it('gives no speaker rather than a phrase that names nothing', () => {
    const [q] = extractQuotes('In the past, the rampant said “no more ferries” and left.');
    expect(q).toBeDefined();
    expect(q!.speaker ?? '').not.toMatch(/rampant|past/);
  });

  it('reads a participle after a quote as told to someone, and a colon phrase only where it opens the clause', () => {
    expect(speakers('The Harbour Trust did not want to discuss “that man,” telling Radio 5 that it cared about the town.')).toEqual(['The Harbour Trust']);
    expect(speakers('Ada Lund, speaking on the ferry, said of the mayor’s latest plan: “It will not float.”')).toEqual(['Ada Lund']);
    expect(speakers('Said Lund: “It will not float.”')).toEqual(['Lund']);
    expect(speakers('“They are all here for the free ferry,” Abel shot back with a laugh.')).toEqual(['Abel']);
  });

  it('finds the subject past its appositive, a possessive, a reflexive and a second verb', () => {
    expect(speakers('Ines Sola, director of the Institute of Coastal Studies at Bergen University, calls the quay "a mistake" in her report.')).toEqual(['Ines Sola']);
    expect(speakers('Her chief policy aide, Jonas Abel, calls her record a "blueprint" for the port.')).toEqual(['Jonas Abel']);
    expect(speakers('Moreover, as part of the exchange with Lund, Abel cited a report that "less than one percent" was spent.')).toEqual(['Abel']);
    expect(speakers('There were sharper words, such as when Lund knocked Abel on trade and called him a "moderate," a subtle dig.')).toEqual(['Lund']);
    expect(speakers('Abel himself acknowledged on Monday "it will be very hard for us to win" this year.')).toEqual(['Abel']);
  });

  it('reads inverted cues, abbreviations in an appositive, noun-like verbs and credit lines', () => {
    expect(speakers('The ferry was late again. Said Lund, "The timetable is a fiction."')).toEqual(['Lund']);
    expect(speakers('Senator Ada Lund, R-Ky., delivered a blunt message to the board: "Fix the quay."')).toEqual(['Ada Lund']);
    expect(speakers('A letter to board members calls for the port to admit that “the quay is sinking.”')).toEqual(['A letter to board members']);
    expect(speakers('"Nine in ten ferries are late."\n\n- Ines Sola.\n\nThat claim is true.')).toEqual(['Ines Sola']);
  });

  it('reads a noun before a noun, an opening adverb, an affiliation and a credit with a place', () => {
    expect(speakers('In early May, the port’s Oslo state director, Mira Holt, wrote in an email: “We want the quay now.”')).toEqual(['Mira Holt']);
    expect(speakers('Shortly after the vote ended, the union sent out a leaflet saying the mayor owes “the town an apology.”')).toEqual(['the union']);
    expect(extractQuotes('For now, Abel, at the Nordic Ocean Institute, said the talks were "going well."')[0]!.mention).toBe('Abel, at the Nordic Ocean Institute');
    expect(speakers('"The quay is a gift."\n\n-Mira Holt, Bergen.')).toEqual(['Mira Holt']);
  });

  it('reads adverbs, contractions and clauses between a speaker and the cue', () => {
    expect(speakers('He was asked again.\n\nAbel instead told the interviewer: “I had to go and see him.”')).toEqual(['Abel']);
    expect(speakers('Prince Ola, the nearly 60-year-old brother of the heir to the throne, Harald, has reportedly told friends the interview was a “great success”.')).toEqual(['Prince Ola']);
    expect(speakers('During the call, Abel asked about the ferry, called Lund a “traitor” and left.')).toEqual(['Abel']);
    expect(speakers('Mira Holt endorsed the plan, saying she hadn’t yet called for a vote because she believed “we need the quay first.”')).toEqual(['Mira Holt']);
  });

  it('reads time words, subordinate clauses, participle phrases and colon clauses', () => {
    expect(speakers('Hours later, Lund returned the compliment, telling reporters, “He is an amazing man.”')).toEqual(['Lund']);
    expect(speakers('When Abel suggested that the port would sue, Lund fired back forcefully: “If they sue us, they lose.”')).toEqual(['Lund']);
    expect(extractQuotes('Another source speaking to Radio Nord said, “The agents are at the port.”')[0]!.mention).toBe('Another source speaking to Radio Nord');
    expect(speakers('Many voters saw the council as "the party of the quay," From said.')).toEqual(['From']);
    // A one-word scare quote inside a sentence quotes nobody.
    expect(extractQuotes('Lund and Abel know that a “skinny” deal will not pass.')).toEqual([]);
  });

  it('reads a day between a speaker and the cue, and an auxiliary after an appositive', () => {
    expect(speakers('Abel later Thursday told Radio Nord: “Both of them are meeting next week.”')).toEqual(['Abel']);
    expect(speakers('Mira May on Monday told the board: “The quay is ready.”')).toEqual(['Mira May']);
    expect(speakers('Ada Lund, the chairwoman of the Harbour Party, is backing Abel and in a statement credited him for "an exciting campaign."')).toEqual(['Ada Lund']);
  });

  it('takes the subject of the nearest clause when the sentence has none, but names no titles with it', () => {
    expect(speakers('The tour has become such a fixture that Lund during a Sunday rally thanked its crew “for their support in my campaign.”')).toEqual(['Lund']);
    // Film titles named in a clause are no one's words.
    expect(extractQuotes('It was so bad that Lund made films like “Mary Poppins” and “Bambi.” look good.').map((q) => q.text)).toEqual([]);
  });

  it('reads "with X reportedly yelling", "More from X:", and a long set-up ending in a colon', () => {
    expect(speakers('At the rally, supporters pushed a protester out, with Lund reportedly yelling: “Get him out of here!”')).toEqual(['Lund']);
    expect(speakers('What that means for the port - More from Abel: “The quay is a starting point.”')).toEqual(['Abel']);
    expect(speakers('Of course, as Ines Sola of the Harbour Gazette observed, the biggest winner was not on the stage, it was the stage itself:\n\n“The clear winner of the night was the network.”')).toEqual(['Ines Sola']);
  });

  it('keeps a participle that describes the noun after a determiner', () => {
    expect(extractQuotes('“There is no data to suggest that,” said one unaligned harbour strategist.')[0]!.speaker).toBe('one unaligned harbour strategist');
    expect(extractQuotes('“Focus your votes on this group,” said the printed slate card.')[0]!.speaker).toBe('the printed slate card');
    // A verb after a name is no participle: "Lund praised Abel".
    expect(speakers('Lund praised Abel for the “brave decision.”')).toEqual(['Lund']);
  });

  it('reads a forgotten comma, a hyphenated adjective, and a long inverted attribution', () => {
    expect(speakers('“The port is a battle of niches” Abel said. “The ferry is one of them.”')).toEqual(['Abel', 'Abel']);
    expect(extractQuotes('“He needs to stop blaming everyone else,” the conservative-leaning newspaper wrote.')[0]!.speaker).toBe('the conservative-leaning newspaper');
    expect(speakers('The small home was turned into a museum. Said Ada Lund, who grew up with him in the neighbourhood, “We were all so proud of him.”')).toEqual(['Ada Lund']);
  });

  it('takes a sentence of only a name and its cue after a quote as its attribution', () => {
    const text = 'The nominee caused outrage on Wednesday.\n\n“Russia, if you are listening, find the emails.” Abel said.';
    expect(speakers(text)).toEqual(['Abel']);
  });

  it('names a descriptor by its head, not by a name in the participle phrase after it', () => {
    expect(speakers('The authors of the study published in the journal Harbour Science called it “a public health concern.”')).toEqual(['The authors of the study']);
    expect(speakers('Another source speaking to Radio Nord said, “The agents are at the port.”')).toEqual(['Another source']);
  });

  it('reads an appositive between dashes and a full name before a colon', () => {
    expect(speakers('Omar Reyes — a teacher from the harbour district — says the vote was “a big deal.”')).toEqual(['Omar Reyes']);
    expect(speakers('The surge does not surprise harbour pollster Ines Sola: “Late candidates always get a boost.”')).toEqual(['Ines Sola']);
  });

  it('gives words a possessive credits to their owner, not to the sentence', () => {
    expect(speakers('Nils Berg’s “cheap ferries for all” pledge was nearly forgotten by spring.')).toEqual(['Nils Berg']);
    expect(speakers('The fair was held in Bergen because, in Nils Andreas’ words, “it is the liveliest port on the coast.”')).toEqual(['Nils Andreas']);
    expect(speakers('From Ada Moreau’s “long, tiring and pointless meeting” came no deal at all.')).toEqual(['Ada Moreau']);
    // A contraction is no owner.
    expect(speakers('It’s “a long road back,” the coach conceded.')).toEqual(['the coach']);
  });

  it('gives a quote to the owner of the answer, slogan or claim it is, before any cue around it', () => {
    expect(speakers('The harbour master’s answer was that “the ferry comes first,” so the council should pay.')).toEqual(['The harbour master']);
    expect(speakers('Ada Moreau’s campaign slogan is “A ferry for every island.” Few remember it.')).toEqual(['Ada Moreau']);
    expect(speakers('Nils Berg blamed the press for seizing on Ines Sola’s claim that the mayor “sank the quay,” saying it was old news.')).toEqual(['Ines Sola']);
    expect(speakers('The board questioned Lund’s assertion of a “right to dock” at the pier.')).toEqual(['Lund']);
    // A quote that is not what the owner said keeps its cue.
    expect(speakers('“The answer is in the timetable,” Nils Berg said of Ada Moreau’s plan.')).toEqual(['Nils Berg']);
    expect(speakers('Ada Moreau’s remarks about the port were “the textbook definition of spin,” Nils Berg said.')).toEqual(['Nils Berg']);
    expect(speakers('Lund said his anti-ferry remarks were priceless “propaganda” for the bridge lobby.')).toEqual(['Lund']);
    expect(speakers('“The port is safe,” the Danes state in their report.')).toEqual(['the Danes']);
  });

  it('reads a noun ending a set-up sentence as a noun, not as a cue', () => {
    const text = 'Nils Berg praised the mayor’s record on the ferries in a heavily Republican state.\n\n“We need someone who gets things done.”';
    expect(speakers(text)).toEqual(['Nils Berg']);
    expect(speakers('“The quay is sinking,” the report notes.')).toEqual(['the report']);
  });

  it('keeps adjectives joined by a comma in the speaker phrase', () => {
    expect(speakers('“We start on Monday,” the bespectacled, 71-year-old harbour master said in an interview.')).toEqual(['the bespectacled, 71-year-old harbour master']);
    // A comma after a noun still ends the phrase: "In a statement, the company said".
    expect(speakers('In a statement, the company said “the ferry will run.”')).toEqual(['the company']);
  });

  it('keeps an outlet or an organisation before a role in the speaker phrase, and a noun after an article is no cue', () => {
    expect(speakers('“That was the first time in a long time,” Harbour Radio This Morning co-host Ada Moreau said.')).toEqual(['Ada Moreau']);
    expect(speakers('“They cannot feed their kids,” Ferries for All organizing director Nils Berg told the paper.')).toEqual(['Nils Berg']);
    expect(speakers('Ines Sola posted a Twitter comment of her own, saying, “We are so glad the ferry is back!”')).toEqual(['Ines Sola']);
  });

  it('gives a quote asked in the passive to the agent', () => {
    expect(speakers('Lund was asked by radio host Ines Sola, who backs him, “Will the ferry ever run on time?”')).toEqual(['Ines Sola']);
    expect(speakers('Lund asked the harbour master, “Will the ferry ever run on time?”')).toEqual(['Lund']);
  });

  it('reads a cue right after a quote that lost its comma, and a cue inverted after a fronted clause', () => {
    expect(speakers('"For months we have had to stand by while leaks went on" said Nils Berg, a port spokesman.')).toEqual(['Nils Berg']);
    expect(speakers('Because of how the council drew the timetable, explained Ada Moreau, “the last ferry leaves at six.”')).toEqual(['Ada Moreau']);
    // A name after a cue that takes an object is whom it was told.
    expect(speakers('Lund, the mayor, told Reuters, “The ferry will run.”')).toEqual(['Lund']);
  });

  it('skips a fronted phrase of time before the subject', () => {
    expect(speakers('But a few days later, Lund reversed himself again, telling the paper that the timetable “is set in stone.”')).toEqual(['Lund']);
    expect(speakers('The next morning, Ines Sola told the council the quay was “sinking fast.”')).toEqual(['Ines Sola']);
  });

  it('keeps an opening subordinate clause and a relative clause apart from the main clause’s speaker', () => {
    const text = 'After Nils Berg said that late ferries might do better on “quieter routes,” Ada Moreau said: “I do not like what he said.”';
    expect(speakers(text)).toEqual(['Nils Berg', 'Ada Moreau']);
    expect(speakers('Lund said that the experts had found the plan sound, to which Ines Sola interjected: “It is just not true.”')).toEqual(['Ines Sola']);
  });

  it('reads “as X puts it” and a cue closing the sentence before a phrase of time', () => {
    expect(speakers('As the Gazette’s Ada Moreau puts it, “The council is unmoved, and the islanders uninspired.”')).toEqual(['Ada Moreau']);
    expect(speakers('“Boats in the water” would be the answer, harbour candidate Nils Berg said after the storm.')).toEqual(['Nils Berg']);
  });

  it('reads less common verbs of speech', () => {
    expect(speakers('“Get off the quay,” the harbour master barked.')).toEqual(['the harbour master']);
    expect(speakers('“I never liked ferries,” Ines Sola confessed.')).toEqual(['Ines Sola']);
  });

  it('reads who speaks before a colon in the clause the colon ends, and a spokesman for someone is not them', () => {
    const text = 'The timing was so odd that a spokesman for Ada Moreau could only quip: “I guess the harbour was booked.”';
    expect(speakers(text)).toEqual(['a spokesman for Ada Moreau']);
    expect(speakers('“We will appeal,” said a spokesman for Moreau, Lars Dahl.')).toEqual(['Lars Dahl']);
  });

  it('reads a place after a fronted clause as the clause’s, not as the subject', () => {
    expect(speakers('Speaking at a town hall in Concord, New Hampshire, Moreau went after Berg, calling him “a total stiff.”')).toEqual(['Moreau']);
  });
});

describe('a surname of two words', () => {
  it('is the full name introduced earlier, also when the surname alone is written again', () => {
    const text = [
      'The ferry board met on Monday, chaired by Maria Lopez Garcia’s deputy.',
      '“We will not raise the fares,” Lopez Garcia said.',
      '“The timetable stays,” Lopez Garcia added.',
    ].join('\n\n');
    expect(speakers(text)).toEqual(['Maria Lopez Garcia', 'Maria Lopez Garcia']);
  });

  it('keeps a longer run that opens with no given name from standing for the person', () => {
    const text = ['Rival Hillary Vance toured the docks.', 'Hillary Vance spoke later.', '“The docks need money,” Vance said.'].join('\n\n');
    expect(speakers(text)).toEqual(['Hillary Vance']);
  });
});

describe('the words around a name', () => {
  it('leaves a role that opens the sentence out of the name', () => {
    const text = ['Actor Tomas Hallberg arrived late.', '“I got lost,” Hallberg said.', 'Singer Lina Voss waved.', '“Thank you all,” said Voss.'].join('\n\n');
    expect(speakers(text)).toEqual(['Tomas Hallberg', 'Lina Voss']);
  });

  it('keeps the particles of a surname, and a surname with them finds the full name', () => {
    expect(speakers('“We held on,” van der Berg said.')).toEqual(['van der Berg']);
    const text = ['Party leader Mireille Le Garrec toured the port.', '“The port stays open,” Le Garrec said.'].join('\n\n');
    expect(speakers(text)).toEqual(['Mireille Le Garrec']);
  });
});

describe('the title helps resolve names', () => {
  const body = 'The tagline drew ridicule on Monday.\n\n“We are here to get it out,” Moreau tweeted.';
  it('gives a surname the full name the title introduced', () => {
    const quotes = extractQuotes(body, { title: 'Harbour Gov. Ada Moreau is defending the ferry campaign' });
    expect(quotes.map((q) => q.speaker)).toEqual(['Ada Moreau']);
    expect(quotes[0]!.mention).toBe('Moreau');
  });
  it('reads no names from a headline in title case, and nothing without a title', () => {
    expect(extractQuotes(body, { title: 'Moreau Defends Ferry Campaign' }).map((q) => q.speaker)).toEqual(['Moreau']);
    expect(extractQuotes(body).map((q) => q.speaker)).toEqual(['Moreau']);
  });
});

describe('a definite description of a person', () => {
  it('is the named person the text is about when no one was introduced with that role', () => {
    const text = 'Ada Moreau has left the show.\n\n“We lost the house,” the actor said. “It was the hardest week.”';
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Ada Moreau']);
    expect(extractQuotes(text)[0]!.mention).toBe('the actor');
  });
  it('stays as written when nobody was named before it', () => {
    expect(extractQuotes('“We lost the house,” the actor said.').map((q) => q.speaker)).toEqual(['the actor']);
  });
});
