// The streaming GEXF reader gives exactly the tables and problems the former DOM reader gave on every GEXF fixture.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { gexfToTables } from '../../src/lib/io/gexf';
import { ProblemLog } from '../../src/lib/io/problems';
import { fixture } from './io-helpers';

// Written by the DOM reader (saxes into a light tree, then a walk over it) before the streaming reader replaced it:
// `case name → { tables, problems }`, where a case is a fixture file and optionally the chosen date attribute.
const expected = JSON.parse(
  readFileSync(new URL('../fixtures/import/gexf-tables.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('GEXF tables', () => {
  test.each(Object.keys(expected))('%s', (name) => {
    const [file = '', dateAttribute] = name.split(' ');
    const log = new ProblemLog();
    const tables = gexfToTables(new TextDecoder().decode(fixture(file)), file, log, dateAttribute);
    // Through JSON, as the expectation was stored: positions' prototype and undefined fields do not matter.
    expect(JSON.parse(JSON.stringify({ tables, problems: log.problems() }))).toEqual(expected[name]);
  });

  test('the irregular fixture is read twice (declarations after the rows) and still gives defaults', () => {
    const log = new ProblemLog();
    const tables = gexfToTables(new TextDecoder().decode(fixture('gexf-irregular.gexf')), 'g.gexf', log);
    expect(tables?.organisations.headers).toContain('description');
    expect(tables?.organisations.rows[1]?.cells).toContain('none <given>');
  });
});
