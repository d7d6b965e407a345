import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export interface InkwirePaths {
  /** The file holding bookmarks, reading positions and settings (a conf-compatible JSON file). */
  config: string;
  /** Folder of offline article copies, one `<id>.json` each. */
  articles: string;
  /** Folder for caches that can be thrown away (the web-fetch cache). */
  cache: string;
  /** The library database: feeds, their entries, read state and the search index (SQLite). */
  library: string;
  /** Set when `INKWIRE_HOME` put every file under one folder. */
  home?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const APP = 'inkwire';

/**
 * Where inkwire keeps its files: `INKWIRE_HOME` when set, else the XDG base directories
 * (what conf's env-paths gives on Linux with `projectSuffix: ''`), so tests and profiles can
 * point everything at one folder.
 */
export function inkwirePaths(env: Env = process.env): InkwirePaths {
  const home = nonEmpty(env.INKWIRE_HOME);
  if (home) {
    const root = resolve(home);
    return {
      config: join(root, 'config.json'),
      articles: join(root, 'articles'),
      cache: join(root, 'cache'),
      library: join(root, 'library.db'),
      home: root,
    };
  }
  const user = nonEmpty(env.HOME) ?? homedir();
  const data = join(xdg(env.XDG_DATA_HOME, join(user, '.local', 'share')), APP);
  return {
    config: join(xdg(env.XDG_CONFIG_HOME, join(user, '.config')), APP, 'config.json'),
    articles: join(data, 'articles'),
    library: join(data, 'library.db'),
    cache: join(xdg(env.XDG_CACHE_HOME, join(user, '.cache')), APP),
  };
}

/** The last good copy of the config, written with every compaction and used if the file is damaged. */
export function backupPath(configPath: string): string {
  return `${configPath}.bak`;
}

/** The changes made since the config was last written, one per line (see bookmarks/journal.ts). */
export function journalPath(configPath: string): string {
  return `${configPath}.journal`;
}

// The XDG spec says a relative path in these variables is invalid and must be ignored.
function xdg(value: string | undefined, fallback: string): string {
  const dir = nonEmpty(value);
  return dir && isAbsolute(dir) ? dir : fallback;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() ? value : undefined;
}

/** The settings file (keys, colours, widths, mouse, theme), beside the config. */
export function settingsPath(configPath: string): string {
  return join(dirname(configPath), 'settings.json');
}
