// Table-driven checks of the region index over the shipped CSVs: codes, names with diacritics, renames, fallbacks.
import { describe, expect, test } from 'vitest';
import { AtlasError } from '../../src/lib/model/errors';
import { parseCountriesCsv, parseCsvRecords, parseRecodesCsv, parseRegionsCsv } from '../../src/lib/regions/region-csv';
import { normaliseName, regionIndexFromCsv, type ResolveResult } from '../../src/lib/regions/region-index';
import { loadRegionIndex } from '../helpers/regions';

const index = loadRegionIndex();

const codeOf = (r: ResolveResult): string | undefined => r.region?.code;

describe('get', () => {
  test.each([
    ['BE', 0, 'BE', ''],
    ['BE2', 1, 'BE', 'BE'],
    ['BE24', 2, 'BE', 'BE2'],
    ['BE241', 3, 'BE', 'BE24'],
    ['be241', 3, 'BE', 'BE24'],
    [' fr10 ', 2, 'FR', 'FR1'],
    ['EL30', 2, 'EL', 'EL3'],
    ['UKI3', 2, 'UK', 'UKI'],
  ] as const)('%j → level %i in %s, parent %j', (code, level, country, parent) => {
    const region = index.get(code);
    expect(region).toMatchObject({ level, country, parent });
  });

  test('GR and GB are aliases of Eurostat EL and UK', () => {
    expect(index.get('GR')?.code).toBe('EL');
    expect(index.get('gb')?.code).toBe('UK');
    expect(index.country('GR')?.code).toBe('EL');
    expect(index.country('GB')?.names.en).toBe('United Kingdom');
  });

  test('names keep both scripts', () => {
    expect(index.get('EL3')).toMatchObject({ nameLatin: 'Attiki', nameNational: 'Αττική' });
    expect(index.get('BE33')).toMatchObject({ nameLatin: 'Prov. Liège', nameNational: '' });
    expect(index.get('EL4')?.nameLatin).toBe('Nisia Aigaiou, Kriti');
  });
});

describe('resolve by code', () => {
  test.each(['BE', 'BE2', 'BE24', 'BE241', 'pl22', 'FRK2', 'NO0B'])('%s at its own level', (code) => {
    const result = index.resolve(code);
    expect(result.status).toBe('found');
    expect(codeOf(result)).toBe(code.toUpperCase());
    expect(result).not.toHaveProperty('warning');
  });

  test.each([
    ['GR', 'EL'],
    ['gb', 'UK'],
  ])('ISO %s resolves to %s', (iso, eurostat) => {
    const result = index.resolve(iso);
    expect(result).toMatchObject({ status: 'found', matched: 'country-alias' });
    expect(codeOf(result)).toBe(eurostat);
  });

  test('a found region carries its country row', () => {
    const result = index.resolve('BE241');
    expect(result.status === 'found' && result.country?.names).toEqual({
      en: 'Belgium',
      nl: 'België',
      fr: 'Belgique',
    });
  });
});

describe('resolve by name', () => {
  // Real Eurostat spellings include decorations ("Prov. Liège") and nested namesakes (FI1B and FI1B1).
  test.each([
    ['Liège', 'BE33'],
    ['Liege', 'BE33'],
    ['LIEGE', 'BE33'],
    ['Rhône-Alpes', 'FRK2'],
    ['rhone alpes', 'FRK2'],
    ['Auvergne-Rhône-Alpes', 'FRK'],
    ['Śląskie', 'PL22'],
    ['Slaskie', 'PL22'],
    ['Łódzkie', 'PL71'],
    ['Lodzkie', 'PL71'],
    ['Baden-Württemberg', 'DE1'],
    ['baden-wurttemberg', 'DE1'],
    ['Dél-Dunántúl', 'HU23'],
    ['del dunantul', 'HU23'],
    ['Hovedstaden', 'DK01'],
    ['Helsinki-Uusimaa', 'FI1B'],
    ['Lombardia', 'ITC4'],
    ['Limburg (NL)', 'NL42'],
    ['Limburg (BE)', 'BE22'],
    ['Αττική', 'EL3'],
    ['Attiki', 'EL3'],
    ['Nisia Aigaiou, Kriti', 'EL4'],
    ['Brussels Hoofdstedelijk Gewest', 'BE1'],
    ['Région de Bruxelles-Capitale', 'BE1'],
    ['Belgium', 'BE'],
    ['Griekenland', 'EL'],
    ['Luxembourg', 'LU'],
  ])('%j → %s', (name, code) => {
    const result = index.resolve(name);
    expect(result).toMatchObject({ status: 'found', matched: 'name' });
    expect(codeOf(result)).toBe(code);
  });

  test.each([
    ['Limburg', ['BE22', 'NL42']],
    ['München', ['DE212', 'DE21H']],
  ])('%j is ambiguous between %j', (name, codes) => {
    const result = index.resolve(name);
    expect(result.status).toBe('ambiguous');
    expect(result.region).toBeUndefined();
    expect(result.status === 'ambiguous' && result.candidates.map((r) => r.code)).toEqual(codes);
  });
});

describe('resolve NUTS 2016 codes changed in 2021', () => {
  // From data/regions/nuts2016-2021.csv; the French, Irish, Hungarian and Lithuanian renumbering happened in 2016.
  test.each([
    ['HR041', 'HR050', 'recoded'],
    ['hr04e', 'HR028', 'recoded'],
    ['UKN10', 'UKN0A', 'recoded'],
    ['BE221', 'BE224', 'recoded'],
    ['EE006', 'EE009', 'recoded'],
    ['NO043', 'NO0A1', 'recoded'],
    ['NO05', 'NO0A', 'merged'],
    ['NO01', 'NO08', 'merged'],
    ['UKK21', 'UKK24', 'merged'],
  ] as const)('%s → %s (%s) with a warning', (old, code, change) => {
    const result = index.resolve(old);
    expect(result).toMatchObject({ status: 'found', matched: 'recode' });
    expect(codeOf(result)).toBe(code);
    expect(result.status === 'found' && result.warning).toMatchObject({
      code: 'renamed-region',
      from: old.toUpperCase(),
      to: [code],
      change,
    });
  });

  test.each([
    ['HR04', ['HR02', 'HR05', 'HR06']],
    ['NO04', ['NO09', 'NO0A']],
  ])('split %s is ambiguous between %j with a warning', (old, codes) => {
    const result = index.resolve(old);
    expect(result.status).toBe('ambiguous');
    if (result.status !== 'ambiguous') return;
    expect(result.candidates.map((r) => r.code)).toEqual(codes);
    expect(result.warning).toMatchObject({ code: 'renamed-region', from: old, to: codes, change: 'split' });
  });

  test('recodes() lists the rows of an old code', () => {
    expect(index.recodes('hr04').map((r) => r.code2021)).toEqual(['HR02', 'HR05', 'HR06']);
    expect(index.recodes('BE24')).toEqual([]);
  });
});

describe('country fallback outside NUTS', () => {
  test.each([
    ['US', 'US'],
    ['jp', 'JP'],
    ['Japan', 'JP'],
    ['Verenigde Staten', 'US'],
    ['États-Unis', 'US'],
    ['etats unis', 'US'],
  ])('%j → country %s', (text, code) => {
    const result = index.resolve(text);
    expect(result.status).toBe('country');
    expect(result.region).toBeUndefined();
    expect(result.status === 'country' && result.country).toMatchObject({ code, inNuts: false });
  });

  test('every NUTS country is in the country table, with its level-0 label point', () => {
    const nuts = index.countries().filter((c) => c.inNuts);
    expect(nuts).toHaveLength(37);
    for (const c of nuts) expect(index.get(c.code)).toMatchObject({ level: 0, lon: c.lon, lat: c.lat });
    expect(index.countries().filter((c) => !c.inNuts).length).toBeGreaterThanOrEqual(55);
  });
});

describe('unknown input', () => {
  test.each(['XX99', 'ZZ', 'BE9', '', '   ', 'Atlantis', '__proto__', 'constructor', 'toString', '###'])(
    '%j is not found and does not throw',
    (text) => {
      expect(index.resolve(text)).toEqual({ status: 'not-found', region: undefined });
      expect(index.get(text)).toBeUndefined();
      expect(index.country(text)).toBeUndefined();
      expect(index.ancestor(text, 0)).toBeUndefined();
      expect(index.children(text)).toEqual([]);
    },
  );
});

describe('hierarchy', () => {
  test.each([
    [3, 'BE241'],
    [2, 'BE24'],
    [1, 'BE2'],
    [0, 'BE'],
  ] as const)('ancestor(BE241, %i) is %s', (level, code) => {
    expect(index.ancestor('BE241', level)?.code).toBe(code);
  });

  test('no ancestor at a finer level', () => {
    expect(index.ancestor('BE2', 2)).toBeUndefined();
  });

  test('children are one level down, sorted', () => {
    expect(index.children('BE2').map((r) => r.code)).toEqual(['BE21', 'BE22', 'BE23', 'BE24', 'BE25']);
    expect(index.children('GR').map((r) => r.code)).toEqual(['EL3', 'EL4', 'EL5', 'EL6']);
  });

  test.each([
    [0, 37],
    [1, 125],
    [2, 334],
    [3, 1514],
  ] as const)('byLevel(%i) has %i regions whose parents exist', (level, count) => {
    const regions = index.byLevel(level);
    expect(regions).toHaveLength(count);
    for (const r of regions) {
      if (level > 0) expect(index.get(r.parent)?.level).toBe(level - 1);
      expect(r.code.startsWith(r.country)).toBe(true);
    }
  });

  test("France's label point is in mainland France, not averaged with overseas regions", () => {
    const fr = index.get('FR');
    expect(fr?.lon).toBeGreaterThan(-5);
    expect(fr?.lon).toBeLessThan(8);
    expect(fr?.lat).toBeGreaterThan(42);
    expect(fr?.lat).toBeLessThan(51.5);
  });
});

describe('normaliseName', () => {
  test.each([
    ['Śląskie', 'slaskie'],
    ['  Baden-Württemberg ', 'baden wurttemberg'],
    ['Łódź', 'lodz'],
    ['Sjælland', 'sjaelland'],
    ['Trøndelag', 'trondelag'],
    ['Prov. Liège', 'prov liege'],
    ['Ελλάδα', 'ελλαδα'],
    ['--', ''],
  ])('%j → %j', (text, normal) => {
    expect(normaliseName(text)).toBe(normal);
  });
});

describe('CSV parsing', () => {
  const header = 'code,level,country,parent,name_latin,name_national,lon,lat';

  test('quoted fields keep commas and doubled quotes; CRLF and BOM are accepted', () => {
    const text = `\uFEFF${header}\r\nXX,0,XX,,"A, ""B""",,1.5,2.5\r\n`;
    expect(parseRegionsCsv(text)).toEqual([
      { code: 'XX', level: 0, country: 'XX', parent: '', nameLatin: 'A, "B"', nameNational: '', lon: 1.5, lat: 2.5 },
    ]);
  });

  test.each([
    [
      'no final line break',
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'blank lines are skipped',
      'a,b\n\n\r\nc,d\n\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a trailing comma is an empty last field',
      'a,\nb,',
      [
        ['a', ''],
        ['b', ''],
      ],
    ],
    [
      'a lone CR ends a line',
      'a,b\rc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a quoted field keeps its line breaks as written',
      'x,"1\r\n2\n3",y\nz,w',
      [
        ['x', '1\r\n2\n3', 'y'],
        ['z', 'w'],
      ],
    ],
    ['a quoted empty field between others', 'a,"",b', [['a', '', 'b']]],
    ['quotes only', '"""",""""""', [['"', '""']]],
    ['a quote inside an unquoted field is kept', 'a"b,c', [['a"b', 'c']]],
    ['an unclosed quote runs to the end', 'a,"b,c\nd', [['a', 'b,c\nd']]],
  ])('records: %s', (_, text, rows) => {
    expect(parseCsvRecords(text)).toEqual(rows);
  });

  // The files are generated, so a malformed one is a bug: it fails loudly with a stable error code.
  test.each([
    ['missing column', 'code,level\nBE,0\n'],
    ['short row', `${header}\nBE,0,BE\n`],
    ['bad level', `${header}\nBE,7,BE,,Belgique,,4,50\n`],
    ['bad number', `${header}\nBE,0,BE,,Belgique,,east,50\n`],
    ['empty file', ''],
  ])('%s throws AtlasError region-data', (_, text) => {
    expect(() => parseRegionsCsv(text)).toThrow(AtlasError);
    try {
      parseRegionsCsv(text);
    } catch (e) {
      expect((e as AtlasError).code).toBe('region-data');
    }
  });

  test('unknown recode note and bad country number throw', () => {
    expect(() => parseRecodesCsv('code2016,code2021,level,note\nXX1,XX2,1,moved\n')).toThrow(AtlasError);
    expect(() => parseCountriesCsv('code,name_en,name_nl,name_fr,lon,lat,in_nuts\nUS,a,b,c,,1,false\n')).toThrow(
      AtlasError,
    );
  });

  test('a minimal index built from small texts works the same way', () => {
    const small = regionIndexFromCsv({
      regions: `${header}\nBE,0,BE,,Belgique/België,,4.6,50.6\nBE3,1,BE,BE,Région wallonne,,4.8,50.4\nBE33,2,BE,BE3,Prov. Liège,,5.7,50.5\n`,
      recodes: 'code2016,code2021,level,note\n',
      countries: 'code,name_en,name_nl,name_fr,lon,lat,in_nuts\nBE,Belgium,België,Belgique,4.6,50.6,true\n',
    });
    expect(codeOf(small.resolve('liege'))).toBe('BE33');
    expect(codeOf(small.resolve('Belgie'))).toBe('BE');
    expect(small.ancestor('BE33', 0)?.code).toBe('BE');
    expect(small.resolve('US').status).toBe('not-found');
  });
});
