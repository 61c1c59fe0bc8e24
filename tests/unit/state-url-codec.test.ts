// Proves views round-trip through the URL hash and that malformed, truncated, huge or hostile links decode safely.
import seedrandom from 'seedrandom';
import { afterEach, describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/lib/model/dates';
import { decodeView, encodeView, MAX_HASH_LENGTH } from '../../src/lib/state/url-codec';
import {
  DEFAULT_VIEW,
  NO_SELECTION,
  sameSelection,
  type Selection,
  type ViewState,
} from '../../src/lib/state/view-state';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y!, m!, d!);
};
const view = (fields: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...fields });

/** Which view field each link key sets. */
const FIELD_OF_KEY: Readonly<Record<string, keyof ViewState>> = {
  from: 'from',
  to: 'to',
  mode: 'mode',
  undated: 'undated',
  sel: 'selection',
  types: 'types',
  countries: 'countries',
  kinds: 'kinds',
  colour: 'colourBy',
  size: 'sizeBy',
  edges: 'edges',
  layout: 'layout',
  level: 'level',
  metric: 'metric',
  lang: 'lang',
  labels: 'labels',
  inactive: 'inactive',
  focus: 'focus',
  cam: 'camera',
  ext: 'extent',
};

/** A view with every field away from its default, diacritics and separators included. */
const RICH: ViewState = {
  from: day('2017-03-01'),
  to: day('2019-06-30'),
  mode: 'cumulative',
  undated: false,
  selection: { kind: 'pair', a: 'BE33', b: 'NL42' },
  types: ['cluster', 'université', 'research-centre'],
  countries: ['BE', 'PL', 'FR'],
  kinds: ['partnership', 'funding'],
  colourBy: 'community',
  sizeBy: 'betweenness',
  edges: 'merged',
  layout: 'geo',
  level: 1,
  metric: 'collaborations',
  lang: 'fr',
  labels: 0.35,
  inactive: 'hide',
  focus: 2,
  camera: { x: 0.4321, y: -0.05, ratio: 0.35 },
  extent: { south: 49.5, west: 2.25, north: 52.125, east: 7.003 },
};

describe('encodeView', () => {
  it.each([
    [DEFAULT_VIEW, ''],
    [view({ mode: 'cumulative' }), 'mode=cumulative'],
    [view({ undated: false }), 'undated=0'],
    [view({ from: day('2017-01-01') }), 'from=2017-01-01'],
    [view({ selection: { kind: 'org', id: 'biowin' } }), 'sel=org%3Abiowin'],
    [view({ countries: ['BE', 'NL'] }), 'countries=BE%2CNL'],
    [view({ level: 0, focus: 1 }), 'level=0&focus=1'],
  ])('writes only what differs from the defaults: %j → %j', (v, expected) => {
    expect(encodeView(v)).toBe(expected);
  });
});

describe('round trip', () => {
  const selections: Selection[] = [
    NO_SELECTION,
    { kind: 'org', id: 'biowin' },
    { kind: 'org', id: 'université-de-liège' },
    { kind: 'org', id: 'a&b=c#d%41 e+f:g~h' },
    { kind: 'region', code: 'BE' },
    { kind: 'region', code: 'BE3' },
    { kind: 'region', code: 'BE332' },
    { kind: 'pair', a: 'BE33', b: 'NL42' },
    { kind: 'pair', a: 'FRK2', b: 'PL22' },
  ];

  it.each([
    ['defaults', DEFAULT_VIEW],
    ['everything changed', RICH],
    ['one-day window', view({ from: day('2020-02-29'), to: day('2020-02-29') })],
    ['open start', view({ to: day('2016-12-31') })],
    ['open end', view({ from: day('1999-01-01') })],
    ['filters with diacritics', view({ types: ['Śląskie', 'Rhône-Alpes'], countries: ['Liège', 'Baden-Württemberg'] })],
    ['labels 0', view({ labels: 0 })],
    ['labels 1', view({ labels: 1 })],
    ['labels not a round number', view({ labels: 0.1 + 0.2 })],
    ...selections.map((selection): [string, ViewState] => [
      `selection ${JSON.stringify(selection)}`,
      view({ selection }),
    ]),
  ] as [string, ViewState][])('%s', (_, v) => {
    const hash = encodeView(v);
    for (const text of [hash, `#${hash}`]) {
      const { view: decoded, notices } = decodeView(text);
      expect(notices).toEqual([]);
      expect(decoded).toEqual(v);
    }
  });

  it('200 random views', () => {
    const random = seedrandom('cluster atlas');
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const some = (items: readonly string[]): string[] => items.filter(() => random() < 0.4);
    for (let k = 0; k < 200; k++) {
      const a = day('2000-01-01') + Math.floor(random() * 12000);
      const b = a + Math.floor(random() * 4000);
      const v: ViewState = {
        from: random() < 0.3 ? null : a,
        to: random() < 0.3 ? null : b,
        mode: pick(['active', 'cumulative'] as const),
        undated: random() < 0.5,
        selection: pick(selections),
        types: some(['cluster', 'company', 'université', 'hôpital']),
        countries: some(['BE', 'NL', 'FR', 'PL', 'DE', 'EL']),
        kinds: some(['partnership', 'membership', 'event']),
        colourBy: pick(['type', 'country', 'community'] as const),
        sizeBy: pick(['degree', 'members', 'betweenness'] as const),
        edges: pick(['parallel', 'merged'] as const),
        layout: pick(['force', 'geo'] as const),
        level: pick([0, 1, 2] as const),
        metric: pick(['organisations', 'collaborations'] as const),
        lang: pick(['en', 'nl', 'fr'] as const),
        labels: random(),
        inactive: pick(['fade', 'hide'] as const),
        focus: pick([0, 1, 2] as const),
        camera: random() < 0.5 ? null : { x: Math.round(random() * 1e4) / 1e4, y: 0.5, ratio: 0.25 },
        extent:
          random() < 0.5 ? null : { south: 40, west: -5.5, north: 40 + Math.round(random() * 1e3) / 100, east: 20 },
      };
      const { view: decoded, notices } = decodeView(encodeView(v));
      expect(notices, JSON.stringify(v)).toEqual([]);
      expect(decoded, JSON.stringify(v)).toEqual(v);
    }
  });
});

describe('story scene in the link', () => {
  it('is written 1-based and read back 0-based', () => {
    const hash = encodeView(view({ from: day('2017-01-01') }), 2);
    expect(hash).toBe('from=2017-01-01&scene=3');
    expect(decodeView(hash)).toEqual({ view: view({ from: day('2017-01-01') }), scene: 2, notices: [] });
  });

  it.each(['0', '-1', '1.5', 'x', '', '99999'])('scene=%j is dropped with a notice', (value) => {
    const { scene, notices } = decodeView(`scene=${value}`);
    expect(scene).toBeNull();
    expect(notices).toEqual([`scene: "${value}" is not valid; ignored`]);
  });
});

describe('malformed links', () => {
  it.each(['', '#', '?', '&&&', '#&'])('%j is the default view without notices', (hash) => {
    expect(decodeView(hash)).toEqual({ view: DEFAULT_VIEW, scene: null, notices: [] });
  });

  it.each([
    ['zoom=3', 'zoom'],
    ['from=2017&colour=type&theme=dark', 'theme'],
    ['MODE=cumulative', 'MODE'],
  ])('unknown key in %j: reported, rest applied', (hash, key) => {
    const { view: v, notices } = decodeView(hash);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(new RegExp(`^${key}: unknown`));
    expect(v.mode).toBe('active');
  });

  it.each([
    ['from', '2017-02-30'],
    ['from', '03/04/2020'],
    ['to', '2019-13'],
    ['to', ''],
    ['mode', 'sideways'],
    ['mode', 'Active'],
    ['undated', 'true'],
    ['undated', ''],
    ['sel', 'org:'],
    ['sel', 'org'],
    ['sel', ':biowin'],
    ['sel', 'person:someone'],
    ['sel', 'region:be33'],
    ['sel', 'region:BE3333'],
    ['sel', 'pair:BE33'],
    ['sel', 'pair:BE33~'],
    ['sel', 'pair:BE33~NL42~FR10'],
    ['sel', `org:${'x'.repeat(201)}`],
    ['types', Array.from({ length: 201 }, (_, i) => `t${i}`).join(',')],
    ['countries', 'x'.repeat(101)],
    ['colour', 'rainbow'],
    ['size', 'huge'],
    ['edges', 'curved'],
    ['layout', 'circle'],
    ['level', '3'],
    ['level', '02'],
    ['metric', 'people'],
    ['lang', 'de'],
    ['labels', '2'],
    ['labels', '-0.5'],
    ['labels', 'NaN'],
    ['labels', 'Infinity'],
    ['labels', ''],
    ['inactive', 'blink'],
    ['focus', '9'],
    ['cam', '0.5,0.5'],
    ['cam', '0.5,0.5,0'],
    ['cam', '0.5,,1'],
    ['cam', 'NaN,0.5,1'],
    ['cam', '1e9,0.5,1'],
    ['ext', '50,3,49,7'],
    ['ext', '50,3,52'],
    ['ext', '-91,3,52,7'],
    ['ext', '50,7,52,3'],
  ])('%s=%j is dropped with a notice; the other parts still apply', (key, value) => {
    const p = new URLSearchParams();
    p.append('lang', 'nl');
    p.append(key, value);
    p.append('metric', 'collaborations');
    const { view: v, notices } = decodeView(p.toString());
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(new RegExp(`^${key}: ".*" is not valid; ignored$`));
    // The bad part leaves its field as it was: the default, or the valid part before it (lang).
    const field = FIELD_OF_KEY[key]!;
    if (key !== 'metric' && key !== 'lang') expect(v[field]).toEqual(DEFAULT_VIEW[field]);
    expect(v.lang).toBe('nl');
    expect(v.metric).toBe('collaborations');
  });

  it('a notice quotes at most 40 characters of a bad value', () => {
    const { notices } = decodeView(`mode=${'z'.repeat(500)}`);
    expect(notices[0]).toBe(`mode: "${'z'.repeat(40)}" is not valid; ignored`);
  });

  it.each([
    ['from=2019-01-01&to=2017-12-31', 'days'],
    ['from=2019&to=2018', 'years'],
    ['to=2017-05&from=2017-06', 'months, to before from'],
  ])('reversed window %j (%s): the full span with a notice', (hash) => {
    const { view: v, notices } = decodeView(`${hash}&mode=cumulative`);
    expect(v.from).toBeNull();
    expect(v.to).toBeNull();
    expect(v.mode).toBe('cumulative');
    expect(notices).toEqual(['from/to: the window ends before it starts; the full span is shown']);
  });

  it.each([
    ['from=2017&to=2017', '2017-01-01', '2017-12-31'],
    ['from=2017-06-30&to=2017-06-30', '2017-06-30', '2017-06-30'],
    ['from=2016-02&to=2016-02', '2016-02-01', '2016-02-29'],
  ])('window %j reads partial dates as whole periods', (hash, from, to) => {
    expect(decodeView(hash)).toEqual({ view: view({ from: day(from), to: day(to) }), scene: null, notices: [] });
  });

  it('a link cut at any position never throws and keeps every part it still holds whole', () => {
    const hash = encodeView({ ...RICH, selection: { kind: 'org', id: 'université-de-liège' } });
    const full = decodeView(hash).view;
    const parts = hash.split('&');
    for (let cut = 0; cut <= hash.length; cut++) {
      const text = hash.slice(0, cut);
      const decoded = decodeView(text).view; // throwing fails the test
      let end = 0;
      for (const part of parts) {
        end += part.length;
        if (end > cut) break;
        const field = FIELD_OF_KEY[part.slice(0, part.indexOf('='))]!;
        expect(decoded[field], `cut at ${cut}: ${part}`).toEqual(full[field]);
        end += 1; // the '&'
      }
    }
  });

  it(`refuses a 100 KB link (over ${MAX_HASH_LENGTH} characters) with a notice`, () => {
    const hash = `#mode=cumulative&lang=fr&types=${'cluster,'.repeat(12_500)}`;
    expect(hash.length).toBeGreaterThan(100_000);
    const { view: v, notices } = decodeView(hash);
    expect(v).toEqual(DEFAULT_VIEW);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^link: \d+ characters is longer than 8192; ignored$/);
  });

  it('accepts a link of exactly the maximum length', () => {
    const hash = `lang=fr&x=${'y'.repeat(MAX_HASH_LENGTH - 10)}`;
    expect(hash).toHaveLength(MAX_HASH_LENGTH);
    const { view: v } = decodeView(`#${hash}`);
    expect(v.lang).toBe('fr');
  });

  it.each([
    '%',
    '%%%',
    '%zz=%zz',
    'mode=%',
    'mode=%E0%A4%A',
    'sel=org:%ZZ%',
    '%E2%82=1',
    'types=%C3%A9,%C3',
    'lang=fr&%ff%fe=%00',
    '\u0000\uffff&=&==&=x',
  ])('percent and byte garbage %j never throws', (hash) => {
    expect(() => decodeView(hash)).not.toThrow();
    expect(() => decodeView(`#${hash}`)).not.toThrow();
  });

  it('garbage next to valid parts keeps the valid parts', () => {
    const { view: v } = decodeView('%&mode=cumulative&%zz&lang=nl&%E0%A4%A=1');
    expect(v.mode).toBe('cumulative');
    expect(v.lang).toBe('nl');
  });

  describe('hostile keys', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    afterEach(() => {
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it.each([
      '__proto__=1',
      '__proto__[polluted]=1',
      'constructor=x',
      'constructor[prototype][polluted]=1',
      'prototype=1',
      'toString=1',
      'hasOwnProperty=x',
      'valueOf=polluted',
      '__proto__=%7B%22polluted%22%3A1%7D',
      'sel=org:__proto__',
      'types=__proto__,constructor',
    ])('%j is ignored without touching Object.prototype', (hostile) => {
      const { view: v, notices } = decodeView(`${hostile}&mode=cumulative`);
      expect(v.mode).toBe('cumulative');
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
      expect(Object.keys(v).sort()).toEqual(Object.keys(DEFAULT_VIEW).sort());
      // Known keys with odd values are data, not structure; only unknown keys produce a notice.
      const key = hostile.slice(0, hostile.indexOf('='));
      if (!Object.hasOwn(FIELD_OF_KEY, key)) expect(notices).toEqual([`${key}: unknown part of the link; ignored`]);
      expect(typeof v.toString).toBe('function');
      expect(Object.hasOwn(v, '__proto__')).toBe(false);
      expect(Object.hasOwn(v, 'constructor')).toBe(false);
    });
  });
});

describe('sameSelection', () => {
  it.each([
    [NO_SELECTION, { kind: 'none' }, true],
    [{ kind: 'org', id: 'biowin' }, { kind: 'org', id: 'biowin' }, true],
    [{ kind: 'org', id: 'biowin' }, { kind: 'org', id: 'medvia' }, false],
    [{ kind: 'region', code: 'BE33' }, { kind: 'region', code: 'BE33' }, true],
    [{ kind: 'region', code: 'BE33' }, { kind: 'region', code: 'BE3' }, false],
    [{ kind: 'pair', a: 'BE33', b: 'NL42' }, { kind: 'pair', a: 'BE33', b: 'NL42' }, true],
    [{ kind: 'pair', a: 'BE33', b: 'NL42' }, { kind: 'pair', a: 'NL42', b: 'BE33' }, false],
    [{ kind: 'org', id: 'BE33' }, { kind: 'region', code: 'BE33' }, false],
    [NO_SELECTION, { kind: 'org', id: 'biowin' }, false],
  ] as [Selection, Selection, boolean][])('%j vs %j → %s', (a, b, expected) => {
    expect(sameSelection(a, b)).toBe(expected);
    expect(sameSelection(b, a)).toBe(expected);
  });
});
