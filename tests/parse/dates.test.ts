import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicationDate, publicationInstant } from '../../src/parse/dates.js';
import { runCli } from '../helpers/cli.js';

describe('publication dates', () => {
  it('keeps the offset the source wrote', () => {
    expect(publicationDate('2026-03-14T09:00:00-05:00')).toBe('2026-03-14T09:00:00-05:00');
    expect(publicationDate('Sat, 14 Mar 2026 09:00:00 -0500')).toBe('2026-03-14T09:00:00-05:00');
    expect(publicationDate('Mar 14 2026 9:00 AM EST')).toBe('2026-03-14T09:00:00-05:00');
    expect(publicationDate('2026-03-14T09:00:00+0530')).toBe('2026-03-14T09:00:00+05:30');
    expect(publicationDate('Tue, 19 Nov 2019 10:00:00 GMT')).toBe('2019-11-19T10:00:00Z');
  });

  it('leaves a date without a time a date', () => {
    for (const written of ['2026-03-14', 'March 14, 2026', '14 March 2026', 'Saturday, March 14th, 2026', '20260314']) {
      expect(publicationDate(written)).toBe('2026-03-14');
    }
    expect(publicationDate(new Date(Date.UTC(2026, 2, 14)))).toBe('2026-03-14');
  });

  it('refuses what is not a date', () => {
    for (const bad of ['soon', '2026-02-30', '2026-13-01', '', 'March 40, 2026']) expect(publicationDate(bad)).toBeUndefined();
  });

  it('compares dates as instants', () => {
    expect(publicationInstant('2026-03-14T09:00:00-05:00')).toBe(publicationInstant('2026-03-14T14:00:00Z'));
    expect(publicationInstant('2026-03-14')).toBe(Date.UTC(2026, 2, 14));
  });

  it('exports the same dates in every time zone (built CLI)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inkwire-dates-'));
    writeFileSync(join(dir, 'bridge.md'), '---\ntitle: Bridge\ndate: March 14, 2026\n---\n\nThe bridge reopened on Saturday after two years of repairs.\n');
    writeFileSync(
      join(dir, 'storm.html'),
      '<html><head><title>Storm</title><meta property="article:published_time" content="2026-03-14T09:00:00-05:00"></head><body><article><p>The storm reached the coast on Saturday morning and the ferries stayed in port all day.</p></article></body></html>',
    );
    const seen = new Set<string>();
    for (const tz of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London']) {
      const { code, stdout } = runCli(['export', '--format', 'json', join(dir, 'bridge.md'), join(dir, 'storm.html')], { env: { TZ: tz } });
      expect(code).toBe(0);
      const articles = JSON.parse(stdout) as Array<{ title: string; published?: string }>;
      seen.add(articles.map((a) => `${a.title}=${a.published}`).join(' '));
    }
    expect([...seen]).toEqual(['Bridge=2026-03-14 Storm=2026-03-14T09:00:00-05:00']);
  });
});
