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
