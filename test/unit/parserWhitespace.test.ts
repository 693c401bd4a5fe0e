// A line's name and value, and their columns, are what trim() makes of the text around the first `=`,
// for every kind of white space ECMAScript knows; a name with white space inside is malformed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from '../../server/src/parser';

const SPACES = [' ', '\t', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff', '\u2028', '\u2029'];
const OTHERS = ['a', 'b', '1', '.', '_', '=', '#', '[', '\u200b', '\u180e', 'é'];

describe('parser white space', () => {
  it('names, values and their columns are what trim() gives, with any white space around them', () => {
    const piece = fc.array(fc.constantFrom(...SPACES, ...OTHERS), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(piece, piece, (left, right) => {
        const text = `${left}=${right}`;
        if (/^\s*[#[]/.test(text)) return; // a comment or a section line
        const [l] = parse(`#!version:1.0.0.1\n${text}`).lines.slice(1);
        const eq = text.indexOf('=');
        const name = text.slice(0, eq).trim();
        if (name === '') return assert.equal(l.kind === 'malformed' ? l.reason : l.kind, 'empty-name');
        if (/\s/.test(name)) return assert.equal(l.kind === 'malformed' ? l.reason : l.kind, 'space-in-name');
        assert.equal(l.kind, 'parameter', text);
        if (l.kind !== 'parameter') return;
        const after = text.slice(eq + 1);
        const value = after.trim();
        assert.deepEqual([l.name, l.value], [name, value], JSON.stringify(text));
        const valueAt = value ? eq + 1 + (after.length - after.trimStart().length) : eq + 1;
        assert.deepEqual(
          [l.nameRange.start.character, l.nameRange.end.character, l.valueRange.start.character, l.valueRange.end.character],
          [text.length - text.trimStart().length, text.length - text.trimStart().length + name.length, valueAt, valueAt + value.length],
          JSON.stringify(text),
        );
      }),
      { seed: 77, numRuns: 3000 },
    );
  });

  it('every UTF-16 code unit around a name and a value is kept or dropped exactly as trim() does', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (ch === '\n' || ch === '\r' || ch === '=' || (c >= 0xd800 && c <= 0xdfff)) continue;
      const text = `a.b${ch}=${ch}v${ch}`;
      const [l] = parse(`#!version:1.0.0.1\n${text}`).lines.slice(1);
      const name = `a.b${ch}`.trim();
      if (/\s/.test(name) || l.kind !== 'parameter') {
        if (l.kind === 'parameter') wrong.push(c.toString(16));
        continue;
      }
      if (l.name !== name || l.value !== `${ch}v${ch}`.trim()) wrong.push(c.toString(16));
    }
    assert.deepEqual(wrong, []);
  });
});
