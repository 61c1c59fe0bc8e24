// Caption text: both time modes, precision, filters, plurals and number formatting, with swappable messages.
import { describe, expect, it } from 'vitest';
import { captionText, ENGLISH_CAPTION, type CaptionInput } from '../../src/lib/export/caption';
import { dayNumber } from '../../src/lib/model/dates';

const window = { from: dayNumber(2016, 1, 1), to: dayNumber(2021, 12, 31) };
const base: CaptionInput = {
  window,
  mode: 'active',
  counts: { organisations: 42, collaborations: 57 },
  locale: 'en-GB',
};

describe('captionText (en)', () => {
  it.each<[string, Partial<CaptionInput>, string]>([
    [
      'active, month precision, one filter',
      { precision: 'month', filters: { kinds: ['partnership', 'project'] } },
      'Collaborations active from Jan 2016 to Dec 2021 · kinds: partnership, project · 42 organisations, 57 collaborations',
    ],
    [
      'active, whole years by default',
      {},
      'Collaborations active from 2016 to 2021 · 42 organisations, 57 collaborations',
    ],
    [
      'cumulative',
      { mode: 'cumulative', precision: 'month' },
      'Collaborations started up to Dec 2021 · 42 organisations, 57 collaborations',
    ],
    [
      'cumulative, day precision',
      { mode: 'cumulative', window: { from: window.from, to: dayNumber(2019, 6, 15) } },
      'Collaborations started up to 15 Jun 2019 · 42 organisations, 57 collaborations',
    ],
    [
      'a single year',
      { window: { from: dayNumber(2017, 1, 1), to: dayNumber(2017, 12, 31) } },
      'Collaborations active in 2017 · 42 organisations, 57 collaborations',
    ],
    [
      'all filters, in order types · countries · kinds, empty lists left out',
      { filters: { types: ['Cluster', 'Hospital'], countries: ['Belgium', 'Poland'], kinds: [] } },
      'Collaborations active from 2016 to 2021 · types: Cluster, Hospital · countries: Belgium, Poland · 42 organisations, 57 collaborations',
    ],
    [
      'singulars and thousands',
      { counts: { organisations: 1, collaborations: 12345 } },
      'Collaborations active from 2016 to 2021 · 1 organisation, 12,345 collaborations',
    ],
    ['no window', { window: null }, 'All collaborations · 42 organisations, 57 collaborations'],
    [
      'undated shown',
      { showUndated: true },
      'Collaborations active from 2016 to 2021 · undated included · 42 organisations, 57 collaborations',
    ],
  ])('%s', (_name, input, expected) => {
    expect(captionText({ ...base, ...input })).toBe(expected);
  });
});

describe('captionText with other messages', () => {
  it('takes its words from the messages and its formats from the locale', () => {
    const nl = {
      ...ENGLISH_CAPTION,
      active: 'Samenwerkingen actief van {from} tot {to}',
      organisationsOne: '{count} organisatie',
      organisationsOther: '{count} organisaties',
      collaborationsOne: '{count} samenwerking',
      collaborationsOther: '{count} samenwerkingen',
      kinds: 'soorten: {list}',
    };
    const text = captionText({
      ...base,
      locale: 'nl-BE',
      precision: 'month',
      messages: nl,
      filters: { kinds: ['partnerschap'] },
      counts: { organisations: 1234, collaborations: 1 },
    });
    expect(text).toBe(
      'Samenwerkingen actief van jan 2016 tot dec 2021 · soorten: partnerschap · 1.234 organisaties, 1 samenwerking',
    );
  });

  it('never interprets filter labels as templates or markup', () => {
    const text = captionText({ ...base, filters: { countries: ['{from}', '<b>$&</b>'] } });
    expect(text).toContain('countries: {from}, <b>$&</b>');
  });
});
