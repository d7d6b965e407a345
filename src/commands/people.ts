import type { Command } from 'commander';
import type { Article } from '../article.js';
import { ExitCode, InkwireError } from '../errors.js';
import type { Library } from '../library/library.js';
import type { TextToRead } from '../people/indexer.js';
import type { Person } from '../people/types.js';
import type { Quote } from '../quotes/types.js';
import { escapeLine } from '../text/sanitize.js';
import { tierUpLater } from './batch-tiering.js';
import { writeOut } from './output.js';
import { QuoteBatch, quoteBatch } from './quote-batch.js';
import { shortTime, withLibrary } from './library-shared.js';
import { SOURCES_HELP, guarded, loadForCommand, positiveInt, type CommandDeps, type SourceOptions } from './shared.js';
import { addSourceOptions } from './source-options.js';

// `inkwire people`: everyone quoted, across the library or the sources given; and the people
// index behind `inkwire quotes --speaker NAME`.

interface PeopleOptions extends SourceOptions {
  json?: boolean;
  limit?: string;
}

export function registerPeopleCommand(program: Command, deps: CommandDeps): void {
  const command = program
    .command('people')
    .description('everyone quoted across the library (or the sources given), most quoted first')
    .argument('[sources...]', `${SOURCES_HELP}; none: the library`)
    .option('--json', 'print a JSON array, one element per person with their quotes (schema/people.schema.json)')
    .option('-n, --limit <count>', 'at most this many people');
  addSourceOptions(command).action((sources: string[], options: PeopleOptions) =>
    guarded(deps, async () => {
      const limit = options.limit === undefined ? Infinity : positiveInt('--limit', options.limit, 1);
      const people = (await peopleFor(sources, options, deps)).slice(0, limit);
      if (options.json) {
        const { personJson } = await import('../people/records.js');
        await writeOut(deps, `${JSON.stringify(people.map(personJson), null, 2)}\n`);
        return;
      }
      if (people.length === 0) {
        deps.stderr.write(`inkwire: people: nobody is quoted ${sources.length > 0 ? 'in these sources' : 'in the library yet (refresh, or read articles)'}\n`);
        return;
      }
      await writeOut(deps, peopleTable(people));
    }),
  );
}

/**
 * The people index of the sources given, or of the whole library (brought up to date first:
 * entries not read yet go through the quote engine).
 */
export async function peopleFor(sources: readonly string[], options: SourceOptions, deps: CommandDeps): Promise<Person[]> {
  tierUpLater();
  const [{ groupPeople }, { extractQuotes }, { INDEX_OPTIONS }] = await Promise.all([
    import('../people/group.js'),
    import('../quotes/index.js'),
    import('../people/indexer.js'),
  ]);
  const extractMany = (texts: readonly TextToRead[]): Promise<Quote[][]> =>
    quoteBatch(texts, { indirect: INDEX_OPTIONS.indirect, extract: (text, title) => extractQuotes(text, { ...INDEX_OPTIONS, title }) });
  // No source means the library, even with stdin not a terminal (cron, a pipe): `-` reads stdin.
  if (sources.length > 0 || (options.feed ?? []).length > 0) {
    // Quotes are found while the sources are still being read, as for `inkwire quotes`.
    const batch = new QuoteBatch({ indirect: INDEX_OPTIONS.indirect });
    try {
      const take = (read: readonly Article[]): void => batch.add(read.map((a) => ({ text: a.text, title: a.title })));
      const { articles } = await loadForCommand([...sources], options, deps, { onArticles: take, inOrder: true, onCount: (n) => batch.expect(n) });
      const quotes = await batch.finish((text, title) => extractQuotes(text, { ...INDEX_OPTIONS, title }));
      const { recordsOf } = await import('../people/records.js');
      return groupPeople(recordsOf(articles as Article[], quotes));
    } finally {
      // Also when reading failed: a second thread, once started, must not keep the process.
      batch.stop();
    }
  }
  return withLibrary(deps, async (library) => {
    await catchUp(library, extractMany, deps);
    return groupPeople(library.quoteRecords());
  });
}

/** Entries per batch for a command: progress is shown between batches. */
const COMMAND_BATCH = 2000;

async function catchUp(library: Library, extractMany: (texts: readonly TextToRead[]) => Promise<Quote[][]>, deps: CommandDeps): Promise<void> {
  const { indexLibrary } = await import('../people/indexer.js');
  const stderr = deps.stderr as NodeJS.WritableStream & { isTTY?: boolean };
  const shown = stderr.isTTY === true;
  await indexLibrary(
    library,
    extractMany,
    (done, total) => {
      if (shown && total > 50) stderr.write(`\rinkwire: reading the quotes of ${done}/${total} articles new to the people index…${done === total ? '\n' : ''}`);
    },
    COMMAND_BATCH,
  );
}

/** One line per person: quotes, articles, last date, name, roles. */
function peopleTable(people: readonly Person[]): string {
  const lines = people.map((p) => {
    const roles = p.roles.length > 0 ? `  (${escapeLine(p.roles.slice(0, 2).join('; '))})` : '';
    const kind = p.kind === 'person' ? '' : `  [${p.kind}]`;
    return `${String(p.quotes.length).padStart(5)}  ${String(p.articles).padStart(5)}  ${shortTime(p.lastDate ?? undefined).slice(0, 10).padEnd(10)}  ${escapeLine(p.name)}${kind}${roles}`;
  });
  return `${'quotes'.padStart(5)} ${'articles'.padStart(5)}  last       name\n${lines.join('\n')}\n`;
}

/** The one person a name means; several or none is an error that says who there is. */
export function onePerson(people: readonly Person[], matches: readonly Person[], name: string): Person {
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new InkwireError('--speaker', `nobody called ${name} is quoted${people.length === 0 ? ' (the index is empty)' : ''}; inkwire people lists everyone`, ExitCode.partial);
  }
  const listed = matches.slice(0, 4).map((p) => `${p.name} (${p.id})`).join(', ');
  throw new InkwireError('--speaker', `${name} names ${matches.length} people: ${listed}${matches.length > 4 ? ', …' : ''}; give the full name or the id`, ExitCode.usage);
}

/** `inkwire quotes --speaker NAME`: one person's quotes, newest first. */
export async function speakerQuotes(name: string, sources: readonly string[], options: SourceOptions & { json?: boolean }, deps: CommandDeps): Promise<void> {
  const [{ findPeople }, { speakerQuotesJson }, { otherArticles }] = await Promise.all([import('../people/lookup.js'), import('../people/records.js'), import('../people/duplicates.js')]);
  const people = await peopleFor(sources, options, deps);
  const person = onePerson(people, findPeople(people, name), name);
  if (options.json) {
    await writeOut(deps, `${JSON.stringify(speakerQuotesJson(person), null, 2)}\n`);
    return;
  }
  const roles = person.roles.length > 0 ? ` · ${person.roles.slice(0, 2).join('; ')}` : '';
  const head = `${person.name}${roles} · ${person.quotes.length} ${person.quotes.length === 1 ? 'quote' : 'quotes'} in ${person.articles} ${person.articles === 1 ? 'article' : 'articles'}`;
  const body = person.quotes.map((q) => {
    const first = q.sources[0]!;
    const others = otherArticles(q);
    const also = others > 0 ? ` · also in ${others} other ${others === 1 ? 'article' : 'articles'}` : '';
    const words = q.kind === 'indirect' ? `${q.text} (paraphrased)` : `“${q.text}”`;
    return `${shortTime(first.date ?? undefined).slice(0, 10).padEnd(10)}  ${escapeLine(words)}\n            ${escapeLine(first.title)}${also}  (id ${first.articleId}, ${first.start}–${first.end})`;
  });
  await writeOut(deps, `${escapeLine(head)}\n\n${body.join('\n')}\n`);
}
