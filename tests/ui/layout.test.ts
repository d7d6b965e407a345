import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/store/layout.js';

describe('computeLayout', () => {
  it('keeps the frame one row shorter than the terminal', () => {
    const layout = computeLayout({ columns: 80, rows: 24 }, { sidebarOpen: false });
    expect(layout.frameHeight).toBe(23);
    expect(layout.bodyHeight).toBe(22);
  });

  it('caps the text column at 100 and centres it', () => {
    const layout = computeLayout({ columns: 200, rows: 50 }, { sidebarOpen: false });
    expect(layout.textWidth).toBe(100);
    expect(layout.textMargin).toBe(50);
  });

  it('puts the sidebar beside the text from 100 columns, and over it below', () => {
    const wide = computeLayout({ columns: 120, rows: 40 }, { sidebarOpen: true });
    expect(wide.sidebarBeside).toBe(true);
    expect(wide.readerWidth + 1 + wide.sidebarWidth).toBe(120);
    expect(wide.textWidth).toBeLessThanOrEqual(wide.readerWidth - 2);
    const narrow = computeLayout({ columns: 80, rows: 24 }, { sidebarOpen: true });
    expect(narrow.sidebarBeside).toBe(false);
    expect(narrow.readerWidth).toBe(80);
  });

  it('flags terminals below 40×10 as too small', () => {
    expect(computeLayout({ columns: 39, rows: 24 }, { sidebarOpen: false }).tooSmall).toBe(true);
    expect(computeLayout({ columns: 80, rows: 9 }, { sidebarOpen: false }).tooSmall).toBe(true);
    expect(computeLayout({ columns: 40, rows: 10 }, { sidebarOpen: false }).tooSmall).toBe(false);
  });
});
