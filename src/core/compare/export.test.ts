import { describe, expect, it } from 'vitest';
import { csvField, markdownCell, summarizeEntry, toCsv, toMarkdown } from './export';
import { buildMatrix } from './matrix';
import { loadShippedCatalogs, syntheticCatalog } from '../../testing/catalogs';

/** Two providers; alpha's 500 needs CSV quoting (comma, quote, newline) and Markdown escaping. */
const alpha = syntheticCatalog(
  'alpha',
  [
    {
      id: '500-x',
      status: 500,
      category: 'server_error',
      advice: 'fix_then_retry',
      providerCodes: ['say "hi"|pipe'],
      wait: { minSeconds: 1, text: 'one\nsecond' },
    },
    { id: '412-x', status: 412, category: 'precondition_failed', title: 'a _b_ *c*' },
  ],
  { name: 'Alpha, Inc.' },
);
const beta = syntheticCatalog('beta', [{ id: '500-y', status: 500, category: 'server_error' }], {
  name: 'Beta | Co',
});
const matrix = buildMatrix([alpha, beta], { mode: 'status' });

/** Splits CSV text into records of fields (RFC 4180), to check the quoting round-trips. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

describe('csvField', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });
});

describe('toCsv', () => {
  const csv = toCsv(matrix);

  it('writes a header and one CRLF-terminated record per row', () => {
    expect(csv.startsWith('Key,Status,"Alpha, Inc.",Beta | Co,Disagreements\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv);
    expect(records).toHaveLength(1 + matrix.rows.length);
    expect(records.every((r) => r.length === 5)).toBe(true);
    expect(records.slice(1).map((r) => r[0])).toEqual(['412', '500']);
  });

  it('round-trips commas, quotes and newlines inside cells', () => {
    const row500 = parseCsv(csv).find((r) => r[0] === '500')!;
    expect(row500[1]).toBe('500 Internal Server Error');
    expect(row500[2]).toBe(
      '500 say "hi"|pipe · Server error · Fix, then retry · wait: one\nsecond',
    );
    expect(row500[3]).toBe('500 Error 500-y · Server error · Retry with backoff');
    expect(row500[4]).toContain('retry advice differs');
    // The raw text has the quotes doubled inside a quoted field.
    expect(csv).toContain(
      '"500 say ""hi""|pipe · Server error · Fix, then retry · wait: one\nsecond"',
    );
  });

  it('leaves a provider that documents nothing empty, and can drop the findings column', () => {
    const records = parseCsv(toCsv(matrix, { disagreements: false }));
    expect(records[0]).toEqual(['Key', 'Status', 'Alpha, Inc.', 'Beta | Co']);
    expect(records.find((r) => r[0] === '412')![3]).toBe('');
  });

  it('keeps only differing rows when asked, a status only one provider documents included', () => {
    // 412 is documented by Alpha only: a gap counts as a difference (newcomers read a hidden
    // row as "they agree"), and the findings column says who is silent.
    const records = parseCsv(toCsv(matrix, { onlyDiffering: true }));
    expect(records.slice(1).map((r) => r[0])).toEqual(['412', '500']);
    expect(records.find((r) => r[0] === '412')!.at(-1)).toBe('Not documented by Beta | Co');
  });
});

describe('markdownCell', () => {
  it('escapes pipes and Markdown punctuation and turns newlines into <br>', () => {
    expect(markdownCell('a|b')).toBe('a\\|b');
    expect(markdownCell('x\ny\r\nz')).toBe('x<br>y<br>z');
    expect(markdownCell('*bold* `code` [l](u) <b> \\')).toBe(
      '\\*bold\\* \\`code\\` \\[l\\](u) \\<b\\> \\\\',
    );
    expect(markdownCell('&amp; & W&B')).toBe('\\&amp; & W&B');
    expect(markdownCell('')).toBe('—');
  });

  it('keeps snake_case readable but escapes emphasis underscores', () => {
    expect(markdownCell('rate_limit_error')).toBe('rate_limit_error');
    expect(markdownCell('_x_ and __y__')).toBe('\\_x\\_ and \\_\\_y\\_\\_');
  });
});

describe('toMarkdown', () => {
  const md = toMarkdown(matrix);
  const lines = md.split('\n');
  /** Cells of a table line, splitting on unescaped pipes only. */
  const cells = (line: string) =>
    line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());

  it('is a GitHub table with one column per provider', () => {
    expect(lines).toHaveLength(2 + matrix.rows.length);
    expect(cells(lines[0]!)).toEqual(['Status', 'Alpha, Inc.', 'Beta \\| Co', 'Disagreements']);
    expect(lines[1]).toBe('| --- | --- | --- | --- |');
    for (const line of lines) expect(cells(line)).toHaveLength(4);
  });

  it('escapes the cell contents and shows — for nothing documented', () => {
    const row500 = cells(lines.find((l) => l.startsWith('| 500'))!);
    expect(row500[1]).toBe(
      '500 say "hi"\\|pipe · Server error · Fix, then retry · wait: one<br>second',
    );
    const row412 = cells(lines.find((l) => l.startsWith('| 412'))!);
    expect(row412[1]).toBe('412 a \\_b\\_ \\*c\\* · Precondition failed · Retry with backoff');
    expect(row412[2]).toBe('—');
    expect(md).not.toContain('\n\n');
  });
});

describe('exports of the shipped catalogs', () => {
  const shipped = loadShippedCatalogs();
  const seeds = buildMatrix(shipped, {
    providerIds: ['openai', 'wandb', 'fireworks', 'cerebras', 'humanloop'],
    mode: 'status',
  });

  it('summarises an entry with status, code, category, advice and wait', () => {
    const wandb500 = shipped.find((c) => c.id === 'wandb')!.errors.find((e) => e.status === 500)!;
    expect(summarizeEntry(wandb500)).toBe(
      '500 Internal server error · Server error · Retry with backoff · wait: 30–60 s before retrying (support article)',
    );
  });

  it('every Markdown line has the same number of cells, and CSV records the same fields', () => {
    const md = toMarkdown(seeds).split('\n');
    for (const line of md)
      expect(line.split(/(?<!\\)\|/).length).toBe(md[0]!.split(/(?<!\\)\|/).length);
    const records = parseCsv(toCsv(seeds));
    expect(records).toHaveLength(seeds.rows.length + 1);
    expect(new Set(records.map((r) => r.length))).toEqual(new Set([8]));
    expect(records.find((r) => r[0] === '500')![3]).toContain('wait: 30–60 s');
  });
});
