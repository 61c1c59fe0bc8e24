// Proves the Dutch and French catalogues cover exactly the English keys, with no empty message and the same placeholders.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { fr } from '../../src/lib/i18n/fr';
import { nl } from '../../src/lib/i18n/nl';

/** The sorted, de-duplicated `{name}` placeholders of a message. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

const englishKeys = Object.keys(en).sort();
const catalogues: [string, Record<string, unknown>][] = [
  ['nl', nl],
  ['fr', fr],
];

describe('English catalogue', () => {
  it('has no empty message', () => {
    const empty = englishKeys.filter((k) => String((en as Record<string, unknown>)[k]).trim() === '');
    expect(empty).toEqual([]);
  });
});

describe.each(catalogues)('%s catalogue', (_lang, catalogue) => {
  it('provides every English key with a non-empty string', () => {
    const missing = englishKeys.filter((k) => {
      const v = catalogue[k];
      return typeof v !== 'string' || v.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  it('has no key that English lacks', () => {
    const extra = Object.keys(catalogue).filter((k) => !Object.hasOwn(en, k));
    expect(extra).toEqual([]);
  });

  it('uses the same placeholders as English in every message', () => {
    const mismatched = englishKeys
      .filter((k) => typeof catalogue[k] === 'string')
      .filter(
        (k) =>
          placeholders(catalogue[k] as string).join(',') !== placeholders((en as Record<string, string>)[k]!).join(','),
      );
    expect(mismatched).toEqual([]);
  });
});
