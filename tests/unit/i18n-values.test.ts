// Types, kinds and legend rows are named in the interface language; unknown values from data stay as they are.
import { describe, expect, it } from 'vitest';
import { legendLabel, valueName } from '../../src/lib/i18n';
import { COLLABORATION_KINDS, ORGANISATION_TYPES } from '../../src/lib/model/types';

describe('valueName', () => {
  it.each([
    ['en', 'type', 'research-centre', 'research-centre'],
    ['nl', 'type', 'research-centre', 'onderzoekscentrum'],
    ['fr', 'type', 'hospital', 'hôpital'],
    ['nl', 'kind', 'partnership', 'partnerschap'],
    ['fr', 'kind', 'funding', 'financement'],
    ['fr', 'kind', 'toString', 'toString'],
    ['nl', 'type', 'spaceport', 'spaceport'],
  ] as const)('%s %s %s → %s', (lang, prefix, value, expected) => {
    expect(valueName(lang, prefix, value)).toBe(expected);
  });

  it('every known type and kind has a Dutch and a French name of its own', () => {
    for (const lang of ['nl', 'fr'] as const) {
      const names = [
        ...ORGANISATION_TYPES.map((t) => valueName(lang, 'type', t)),
        ...COLLABORATION_KINDS.map((k) => valueName(lang, 'kind', k)),
      ];
      expect(names.every((n) => n.length > 0)).toBe(true);
      // Most differ from the English value (a few words, like "cluster" or "project", are the same in Dutch).
      const translated = ORGANISATION_TYPES.filter((t) => valueName(lang, 'type', t) !== t).length;
      expect(translated).toBeGreaterThan(ORGANISATION_TYPES.length / 2);
    }
  });
});

describe('legendLabel', () => {
  it.each([
    ['fr', 'legend.type.network', ['network', 'programme'], 'réseau / programme'],
    ['nl', 'legend.kind.lineage', ['founding', 'succession'], 'oprichting / opvolging'],
    ['fr', 'country.BE', ['BE'], 'Belgique (BE)'],
    ['nl', 'legend.community', ['3'], 'gemeenschap 3'],
    ['en', 'legend.community.other', [], 'other communities'],
  ] as const)('%s %s', (lang, key, values, expected) => {
    expect(legendLabel(lang, key, values)).toBe(expected);
  });
});
