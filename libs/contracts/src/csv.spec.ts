import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvCell, toCsv, type CsvValue } from './csv.js';

/** Read back with an independent parser (csv-parse), the way a spreadsheet import would. */
const readBack = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true }) as string[][];
const DANGEROUS = /^[=+\-@\t\r]/;
/** What a cell should read as: the text, with a `'` in front when a spreadsheet would run it. */
const expected = (v: CsvValue) => {
  const s = v === null || v === undefined ? '' : String(v);
  return DANGEROUS.test(s) ? `'${s}` : s;
};

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['-2+3', `'-2+3`],
    ['\tx', `'\tx`],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['line1\nline2', '"line1\nline2"'],
    ['中文名称', '中文名称'],
    ['a-b=c', 'a-b=c'],
  ])('writes %j as %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('writes numbers and empty values plainly', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(0.85)).toBe('0.85');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('ends records in CRLF and puts the BOM first only when asked', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
    expect(toCsv([['组织']], { bom: true })).toBe('\uFEFF组织\r\n');
  });

  it('reads back the named attacks as text, none of them starting a formula', () => {
    const rows = [
      ['组织', '层级'],
      ['=HYPERLINK("http://x","y")', '俱乐部'],
      ['-2+3', '+cmd|x'],
      ['@SUM(1)', '\t=1'],
    ];
    const back = readBack(toCsv(rows, { bom: true }));
    expect(back).toEqual(rows.map((r) => r.map(expected)));
    for (const cell of back.flat()) expect(cell).not.toMatch(DANGEROUS);
  });

  it('round-trips any table: no cell starts a formula, every other cell comes back as written', () => {
    const text = fc.oneof(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', "'", 'a', '中', '1') }), fc.string());
    const cell: fc.Arbitrary<CsvValue> = fc.oneof(text, fc.integer(), fc.constant(null));
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(table, fc.boolean(), (rows, bom) => {
        const back = readBack(toCsv(rows, { bom }));
        expect(back).toEqual(rows.map((r) => r.map(expected)));
        for (const c of back.flat()) expect(c).not.toMatch(DANGEROUS);
      }),
      { numRuns: 500 },
    );
  });
});
