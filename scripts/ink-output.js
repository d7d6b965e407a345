// inkwire's stand-in for ink/build/output.js (Ink 6.8.0), swapped in at build time by
// scripts/ink-output-cache.mjs, which refuses any other version of the original. Ink turns
// every row of every frame back into styled characters and then into a string again (tokenize,
// styledCharsFromTokens, styledCharsToString), and re-slices every clipped line, even when the
// row is the same as in the frame before; that was most of the time a keypress took. Here a
// row's string is remembered, keyed by everything that decides it (the frame width and each
// write's column and text), so a row that did not change costs one lookup, and a new row is
// built as Ink builds it. The memos outlive a frame (a scrolled frame shares all rows but one
// with the last) and are bounded (see Generations). A new row is quicker to build too, giving
// the string Ink's calls give: a row of one simple line is written as runs without cells
// (simpleRow), simple lines skip grapheme segmentation (styledCharsOf), and neighbours of one
// style skip the style diff (styledCharsToString). The rest is Ink's code as it was.
// Imports resolve from Ink's own folder, so these are the same packages and versions Ink uses.
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize, } from '@alcalzone/ansi-tokenize';
/**
 * A memo that keeps what was used recently and forgets the rest: when the young map is full it
 * becomes the old one and the previous old one is dropped, so it holds at most 2 × limit
 * entries, and anything used since the last turnover survives the next.
 */
class Generations {
    young = new Map();
    old = new Map();
    limit;
    constructor(limit) {
        this.limit = limit;
    }
    get(key) {
        const value = this.young.get(key);
        if (value !== undefined || !this.old.has(key)) {
            return value;
        }
        const kept = this.old.get(key);
        this.set(key, kept);
        return kept;
    }
    set(key, value) {
        if (this.young.size >= this.limit) {
            this.old = this.young;
            this.young = new Map();
        }
        this.young.set(key, value);
    }
}
// Every entry is a pure function of its key, so one set of memos serves every Output; they
// hold strings and numbers only. Styled characters (an object per character) stay per frame,
// as in Ink: kept longer, they were half of what survived each young-generation GC.
const widths = new Generations(4096);
const blockWidths = new Generations(1024);
const slices = new Generations(2048);
const rows = new Generations(2048);
/**
 * styledCharsToString from @alcalzone/ansi-tokenize 0.2.5, except that a character whose
 * style is the very same codes as its neighbour's skips diffAnsiCodes: the diff of a style with
 * itself is empty, and computing it cost three Sets per character.
 */
function styledCharsToString(chars) {
    let ret = '';
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            ret += ansiCodesToString(char.styles);
        }
        else if (!sameCodes(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}
/**
 * Text in which every character is its own grapheme (printable ASCII, Latin-1, general
 * punctuation, box drawing and block elements, ★) and the only escapes are SGR sequences:
 * most of what a reader or a list shows. tests/ui/ink-output-cache.test.ts checks that no two
 * of these characters join into one grapheme.
 */
const SIMPLE_LINE = /^(?:[\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u2500-\u259f\u2605]|\x1b\[[0-9;]*m)*$/;
const simpleTokens = new Generations(1024);
/** tokenize of one character or one SGR sequence, alone; both recur from line to line. */
function tokensOf(piece) {
    let tokens = simpleTokens.get(piece);
    if (tokens === undefined) {
        tokens = tokenize(piece);
        simpleTokens.set(piece, tokens);
    }
    return tokens;
}
/**
 * styledCharsFromTokens(tokenize(line)). Tokenizing segments the line into graphemes with
 * Intl.Segmenter, the slowest step of drawing a new row; in a simple line each character is a
 * grapheme, so the line is tokenized piece by piece (each piece's tokens remembered) to the
 * same tokens. Characters of one run share one styles array, which nothing modifies
 * (reduceAnsiCodesIncremental returns a new one).
 */
function styledCharsOf(line) {
    if (!SIMPLE_LINE.test(line)) {
        return styledCharsFromTokens(tokenize(line));
    }
    const chars = [];
    let codes = [];
    for (let index = 0; index < line.length;) {
        if (line.charCodeAt(index) === 0x1b) {
            const end = line.indexOf('m', index) + 1;
            codes = reduceAnsiCodesIncremental(codes, tokensOf(line.slice(index, end)));
            index = end;
            continue;
        }
        const [token] = tokensOf(line[index]);
        chars.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes });
        index++;
    }
    return chars;
}
/** The same code objects in the same order (characters of one run share them). */
function sameCodes(a, b) {
    if (a.length !== b.length) {
        return false;
    }
    for (let i = 0; i < a.length; i++) {
        if (a[i] !== b[i]) {
            return false;
        }
    }
    return true;
}
/**
 * buildRow for the commonest row, one simple line written at a column x within the width,
 * without laying out cells: the string styledCharsToString makes of x blanks, the line's
 * characters and blanks up to the width. Cells of one style are added as one run (the codes
 * between two cells of the same style are empty). A simple character is one column wide
 * (tests/ui/ink-output-cache.test.ts checks it against Ink's string-width).
 */
function simpleRow(width, x, line) {
    const cells = width > 0 ? Math.ceil(width) : 0;
    let ret = '';
    // The styles of the last cell added, null before the first.
    let before = null;
    const restyle = (styles) => {
        if (before === null) {
            ret += ansiCodesToString(styles);
        }
        else if (!sameCodes(before, styles)) {
            ret += ansiCodesToString(diffAnsiCodes(before, styles));
        }
        before = styles;
    };
    if (x > 0) {
        restyle(BLANK.styles);
        ret += ' '.repeat(x);
    }
    let count = x;
    let codes = [];
    // Where the characters seen but not yet added start, or -1.
    let run = -1;
    for (let index = 0; index < line.length;) {
        if (line.charCodeAt(index) === 0x1b) {
            if (run >= 0) {
                ret += line.slice(run, index);
                run = -1;
            }
            const end = line.indexOf('m', index) + 1;
            codes = reduceAnsiCodesIncremental(codes, tokensOf(line.slice(index, end)));
            index = end;
            continue;
        }
        if (run < 0) {
            restyle(codes);
            run = index;
        }
        count++;
        index++;
    }
    if (run >= 0) {
        ret += line.slice(run);
    }
    if (count < cells) {
        restyle(BLANK.styles);
        ret += ' '.repeat(cells - count);
    }
    if (before !== null) {
        ret += ansiCodesToString(diffAnsiCodes(before, []));
    }
    return ret.trimEnd();
}
/** An empty cell; only read, like every cell (Ink already shares styled characters). */
const BLANK = {
    type: 'char',
    value: ' ',
    fullWidth: false,
    styles: [],
};
class OutputCaches {
    styledChars = new Map();
    getStyledChars(line) {
        let cached = this.styledChars.get(line);
        if (cached === undefined) {
            cached = styledCharsOf(line);
            this.styledChars.set(line, cached);
        }
        return cached;
    }
    getStringWidth(text) {
        let cached = widths.get(text);
        if (cached === undefined) {
            cached = stringWidth(text);
            widths.set(text, cached);
        }
        return cached;
    }
    getWidestLine(text) {
        let cached = blockWidths.get(text);
        if (cached === undefined) {
            let lineWidth = 0;
            for (const line of text.split('\n')) {
                lineWidth = Math.max(lineWidth, this.getStringWidth(line));
            }
            cached = lineWidth;
            blockWidths.set(text, cached);
        }
        return cached;
    }
    /** Ink's horizontal clip of one line written at `x`: columns [x1, x2) of the screen. */
    getClippedLine(line, x, x1, x2) {
        const from = x < x1 ? x1 - x : 0;
        // `to` follows from the line's width, so (from, x2 - x, line) decides the slice.
        const key = `${from}\u0000${x2 - x}\u0000${line}`;
        let cached = slices.get(key);
        if (cached === undefined) {
            const width = this.getStringWidth(line);
            const to = x + width > x2 ? x2 - x : width;
            cached = sliceAnsi(line, from, to);
            slices.set(key, cached);
        }
        return cached;
    }
    /**
     * One row of the frame, from its writes in order (column, text, column, text, …). The key
     * spells out each text's length, so no two different lists of writes share a key.
     */
    getRow(width, writes) {
        let key = String(width);
        for (let index = 0; index < writes.length; index += 2) {
            const line = writes[index + 1];
            key += `\u0000${writes[index]}\u0000${line.length}\u0000${line}`;
        }
        let cached = rows.get(key);
        if (cached === undefined) {
            const x = writes[0];
            cached =
                writes.length === 2 && Number.isInteger(x) && x >= 0 && x <= width && SIMPLE_LINE.test(writes[1])
                    ? simpleRow(width, x, writes[1])
                    : this.buildRow(width, writes);
            rows.set(key, cached);
        }
        return cached;
    }
    /**
     * What Ink 6.8 does for every row of every frame, allocating less: the row is allocated
     * at its size, blank cells share one object, and it is copied without its holes only when
     * it has any.
     */
    buildRow(width, writes) {
        // As many cells as Ink's `for (let x = 0; x < width; x++)` pushes.
        const currentLine = new Array(width > 0 ? Math.ceil(width) : 0).fill(BLANK);
        for (let index = 0; index < writes.length; index += 2) {
            const characters = this.getStyledChars(writes[index + 1]);
            let offsetX = writes[index];
            for (const character of characters) {
                currentLine[offsetX] = character;
                // Determine printed width using string-width to align with measurement
                const characterWidth = Math.max(1, this.getStringWidth(character.value));
                // For multi-column characters, clear following cells to avoid stray spaces/artifacts
                if (characterWidth > 1) {
                    for (let index = 1; index < characterWidth; index++) {
                        currentLine[offsetX + index] = {
                            type: 'char',
                            value: '',
                            fullWidth: false,
                            styles: character.styles,
                        };
                    }
                }
                offsetX += characterWidth;
            }
        }
        // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
        const lineWithoutEmptyItems = currentLine.includes(undefined) ? currentLine.filter(item => item !== undefined) : currentLine;
        return styledCharsToString(lineWithoutEmptyItems).trimEnd();
    }
}
export default class Output {
    width;
    height;
    operations = [];
    caches = new OutputCaches();
    constructor(options) {
        const { width, height } = options;
        this.width = width;
        this.height = height;
    }
    write(x, y, text, options) {
        const { transformers } = options;
        if (!text) {
            return;
        }
        this.operations.push({
            type: 'write',
            x,
            y,
            text,
            transformers,
        });
    }
    clip(clip) {
        this.operations.push({
            type: 'clip',
            clip,
        });
    }
    unclip() {
        this.operations.push({
            type: 'unclip',
        });
    }
    get() {
        // Each row collects its writes (column, text) in order; the characters are only laid
        // out for a row not seen recently (getRow).
        const output = [];
        for (let y = 0; y < this.height; y++) {
            output.push([]);
        }
        const clips = [];
        for (const operation of this.operations) {
            if (operation.type === 'clip') {
                clips.push(operation.clip);
            }
            if (operation.type === 'unclip') {
                clips.pop();
            }
            if (operation.type === 'write') {
                const { text, transformers } = operation;
                let { x, y } = operation;
                let lines = text.split('\n');
                const clip = clips.at(-1);
                if (clip) {
                    const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
                    const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
                    // If text is positioned outside of clipping area altogether,
                    // skip to the next operation to avoid unnecessary calculations
                    if (clipHorizontally) {
                        const width = this.caches.getWidestLine(text);
                        if (x + width < clip.x1 || x > clip.x2) {
                            continue;
                        }
                    }
                    if (clipVertically) {
                        const height = lines.length;
                        if (y + height < clip.y1 || y > clip.y2) {
                            continue;
                        }
                    }
                    if (clipHorizontally) {
                        lines = lines.map(line => this.caches.getClippedLine(line, x, clip.x1, clip.x2));
                        if (x < clip.x1) {
                            x = clip.x1;
                        }
                    }
                    if (clipVertically) {
                        const from = y < clip.y1 ? clip.y1 - y : 0;
                        const height = lines.length;
                        const to = y + height > clip.y2 ? clip.y2 - y : height;
                        lines = lines.slice(from, to);
                        if (y < clip.y1) {
                            y = clip.y1;
                        }
                    }
                }
                let offsetY = 0;
                for (let [index, line] of lines.entries()) {
                    const currentLine = output[y + offsetY];
                    // Line can be missing if `text` is taller than height of pre-initialized `this.output`
                    if (!currentLine) {
                        continue;
                    }
                    for (const transformer of transformers) {
                        line = transformer(line, index);
                    }
                    currentLine.push(x, line);
                    offsetY++;
                }
            }
        }
        const generatedOutput = output
            .map(writes => this.caches.getRow(this.width, writes))
            .join('\n');
        return {
            output: generatedOutput,
            height: output.length,
        };
    }
}
