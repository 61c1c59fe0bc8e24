// Message lookup and locale-aware formatting for the three interface languages.
import { en, type Catalogue, type MessageKey } from './en';
import { nl } from './nl';
import { fr } from './fr';

export type { MessageKey } from './en';
export type Lang = 'en' | 'nl' | 'fr';
export const LANGUAGES: readonly { code: Lang; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'nl', name: 'Nederlands' },
  { code: 'fr', name: 'Français' },
];

const CATALOGUES: Record<Lang, Catalogue> = { en, nl, fr };

/** BCP 47 locale used with Intl for each interface language. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE' };

/** The message for `key`, with `{name}` placeholders replaced by `params` (as plain text, never HTML). */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = CATALOGUES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang]);
    numberFormats.set(lang, f);
  }
  return f.format(value);
}

const countryNames = new Map<Lang, Intl.DisplayNames>();

/** Country name in the interface language; Eurostat's EL/UK are mapped to ISO GR/GB first. */
export function countryName(lang: Lang, code: string): string {
  if (code === '') return '';
  const iso = code === 'EL' ? 'GR' : code === 'UK' ? 'GB' : code;
  let names = countryNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([LOCALES[lang]], { type: 'region' });
    countryNames.set(lang, names);
  }
  try {
    return names.of(iso) ?? code;
  } catch {
    return code;
  }
}

/** Catalogue key of a type or kind value: `research-centre` → `typeResearchCentre`. */
function enumKey(prefix: 'type' | 'kind', value: string): string {
  return prefix + value.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

/** An organisation type or collaboration kind in the interface language; a value from data we do not know as is. */
export function valueName(lang: Lang, prefix: 'type' | 'kind', value: string): string {
  const key = enumKey(prefix, value);
  return Object.hasOwn(CATALOGUES[lang], key) ? CATALOGUES[lang][key as MessageKey] : value;
}

/**
 * Text of a legend row (`LegendEntry` from graph/palettes: a key saying what the values are, and the values):
 * types and kinds translated, countries named, communities numbered.
 */
export function legendLabel(lang: Lang, key: string, values: readonly string[]): string {
  if (key.startsWith('legend.type.')) return values.map((v) => valueName(lang, 'type', v)).join(' / ');
  if (key.startsWith('legend.kind.')) return values.map((v) => valueName(lang, 'kind', v)).join(' / ');
  if (key.startsWith('country.')) return values.map((c) => `${countryName(lang, c)} (${c})`).join(' / ');
  if (key === 'legend.community.other') return translate(lang, 'legendCommunityOther');
  if (key === 'legend.community') return translate(lang, 'legendCommunity', { n: values[0] ?? '' });
  return values.length ? values.join(' / ') : (key.split('.').pop() ?? key);
}
