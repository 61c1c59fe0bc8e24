// Colour-blind-safe colours for the graph and its legends: organisation type, collaboration kind, country, community.
import { COLLABORATION_KINDS, ORGANISATION_TYPES, type CollaborationKind, type OrganisationType } from '../model/types';

export type Theme = 'light' | 'dark';

/** One legend row: an i18n label key, its colour and the data values it stands for. */
export interface LegendEntry {
  readonly key: string;
  readonly colour: string;
  readonly values: readonly string[];
}

/** Okabe & Ito (2008). Black is swapped for near-white on dark backgrounds, where black would vanish. */
export const OKABE_ITO = {
  light: ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'],
  dark: ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#EEEEEE'],
} as const;

/** Paul Tol's "bright" scheme; its grey is kept last so callers can use it as "other". */
export const TOL_BRIGHT = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB'] as const;

/** Paul Tol's "muted" scheme (without its pale-grey "bad data" colour). */
export const TOL_MUTED = [
  '#CC6677',
  '#332288',
  '#DDCC77',
  '#117733',
  '#88CCEE',
  '#882255',
  '#44AA99',
  '#999933',
  '#AA4499',
] as const;

/** Paul Tol's "light" scheme; readable on dark backgrounds, so it stands in for muted in the dark theme. */
export const TOL_LIGHT = [
  '#77AADD',
  '#EE8866',
  '#EEDD88',
  '#FFAABB',
  '#99DDFF',
  '#44BB99',
  '#BBCC33',
  '#AAAA00',
] as const;

/** Colour for anything not in focus. */
export const FADED = { light: '#E4E4E4', dark: '#3A3A3A' } as const;
/** Colour for emphasis (new collaborations, search hits): maximal contrast, no hue to confuse with a category. */
export const HIGHLIGHT = { light: '#111111', dark: '#FFFFFF' } as const;
/** Colour of "other"/unclassified categories and small communities. */
export const NEUTRAL = { light: '#9A9A9A', dark: '#8A8A8A' } as const;

function pick(list: readonly string[], i: number, fallback: string): string {
  return list.length === 0 ? fallback : (list[i % list.length] ?? fallback);
}

// 14 organisation types exceed what any colour-blind-safe palette separates (about 8), so related types share a
// colour and the legend shows them as one family.
const TYPE_FAMILIES: readonly { key: string; okabe: number; types: readonly OrganisationType[] }[] = [
  { key: 'cluster', okabe: 5, types: ['cluster'] },
  { key: 'company', okabe: 4, types: ['company'] },
  { key: 'academia', okabe: 2, types: ['university', 'research-centre'] },
  { key: 'hospital', okabe: 6, types: ['hospital'] },
  { key: 'public', okabe: 1, types: ['government', 'agency', 'region'] },
  { key: 'initiative', okabe: 0, types: ['network', 'programme', 'project', 'event'] },
  { key: 'investor', okabe: 3, types: ['investor'] },
];

const typeFamilyIndex = new Int8Array(ORGANISATION_TYPES.length).fill(-1);
TYPE_FAMILIES.forEach((f, k) => f.types.forEach((t) => (typeFamilyIndex[ORGANISATION_TYPES.indexOf(t)] = k)));

/** Colour of an organisation type, by its index in ORGANISATION_TYPES (as in `CompiledDataset.orgType`). */
export function colourByType(typeIndex: number, theme: Theme = 'light'): string {
  const family = TYPE_FAMILIES[typeFamilyIndex[typeIndex] ?? -1];
  return family ? pick(OKABE_ITO[theme], family.okabe, NEUTRAL[theme]) : NEUTRAL[theme];
}

/** Legend of the type encoding, one row per colour family, "other" last. */
export function typeLegend(theme: Theme = 'light'): LegendEntry[] {
  const rows = TYPE_FAMILIES.map((f) => ({
    key: `legend.type.${f.key}`,
    colour: pick(OKABE_ITO[theme], f.okabe, NEUTRAL[theme]),
    values: f.types,
  }));
  return [...rows, { key: 'legend.type.other', colour: NEUTRAL[theme], values: ['other'] }];
}

const KIND_FAMILIES: readonly { key: string; tol: number; kinds: readonly CollaborationKind[] }[] = [
  { key: 'partnership', tol: 0, kinds: ['partnership'] },
  { key: 'membership', tol: 4, kinds: ['membership'] },
  { key: 'lineage', tol: 5, kinds: ['founding', 'succession'] },
  { key: 'project', tol: 2, kinds: ['project', 'mission'] },
  { key: 'event', tol: 3, kinds: ['event', 'matchmaking', 'recognition'] },
  { key: 'funding', tol: 1, kinds: ['funding'] },
];

const kindFamilyIndex = new Int8Array(COLLABORATION_KINDS.length).fill(-1);
KIND_FAMILIES.forEach((f, k) => f.kinds.forEach((c) => (kindFamilyIndex[COLLABORATION_KINDS.indexOf(c)] = k)));

/** Colour of a collaboration kind, by its index in COLLABORATION_KINDS (as in `CompiledDataset.collabKind`). */
export function colourByKind(kindIndex: number, theme: Theme = 'light'): string {
  const family = KIND_FAMILIES[kindFamilyIndex[kindIndex] ?? -1];
  return family ? pick(TOL_BRIGHT, family.tol, NEUTRAL[theme]) : NEUTRAL[theme];
}

/** Legend of the kind encoding, one row per colour family, "other" last. */
export function kindLegend(theme: Theme = 'light'): LegendEntry[] {
  const rows = KIND_FAMILIES.map((f) => ({
    key: `legend.kind.${f.key}`,
    colour: pick(TOL_BRIGHT, f.tol, NEUTRAL[theme]),
    values: f.kinds,
  }));
  return [...rows, { key: 'legend.kind.other', colour: NEUTRAL[theme], values: ['other'] }];
}

/** The categorical list used for countries and communities in a theme. */
export function categoricalPalette(theme: Theme = 'light'): readonly string[] {
  return theme === 'dark' ? [...TOL_LIGHT, ...TOL_BRIGHT.slice(0, 6)] : [...TOL_MUTED, ...TOL_LIGHT];
}

/** Colours of the countries present, assigned in sorted code order, never by hash. */
export interface CountryColours {
  colourForCountry(code: string): string;
  readonly legend: readonly LegendEntry[];
}

/**
 * Builds the country → colour map. Codes are deduplicated and sorted; the i-th code gets palette colour i, so two
 * countries share a colour only when there are more countries than colours (then every 18th, never by hash).
 */
export function makeCountryColours(codes: Iterable<string>, theme: Theme = 'light'): CountryColours {
  const sorted = [...new Set(codes)].filter((c) => c !== '').sort();
  const palette = categoricalPalette(theme);
  const byCode = new Map(sorted.map((c, i) => [c, pick(palette, i, NEUTRAL[theme])]));
  return {
    colourForCountry: (code) => byCode.get(code) ?? NEUTRAL[theme],
    legend: sorted.map((c) => ({ key: `country.${c}`, colour: byCode.get(c) ?? NEUTRAL[theme], values: [c] })),
  };
}

/**
 * Colour of community `k`, where communities are numbered by decreasing size (see `communitiesOf`). Only the largest
 * get a hue; cycling colours over dozens of small communities would suggest groupings that do not exist.
 */
export function colourForCommunity(k: number, theme: Theme = 'light'): string {
  const palette = categoricalPalette(theme);
  return k >= 0 && k < palette.length ? pick(palette, k, NEUTRAL[theme]) : NEUTRAL[theme];
}

/** Legend of the community encoding for `count` communities: the coloured ones, then one "other" row. */
export function communityLegend(count: number, theme: Theme = 'light'): LegendEntry[] {
  const coloured = Math.min(count, categoricalPalette(theme).length);
  const rows: LegendEntry[] = [];
  for (let k = 0; k < coloured; k++)
    rows.push({ key: 'legend.community', colour: colourForCommunity(k, theme), values: [String(k + 1)] });
  if (count > coloured) rows.push({ key: 'legend.community.other', colour: NEUTRAL[theme], values: [] });
  return rows;
}

/** Node colours by organisation type, one string per organisation (sigma caches parsed colours by string). */
export function orgColoursByType(orgType: Uint8Array, theme: Theme = 'light'): string[] {
  return Array.from(orgType, (t) => colourByType(t, theme));
}

/** Node colours by community (as returned by `communitiesOf`). */
export function orgColoursByCommunity(community: Int32Array, theme: Theme = 'light'): string[] {
  return Array.from(community, (k) => colourForCommunity(k, theme));
}

/** Node colours by country (codes as in `Organisation.country`), with the legend of the countries present. */
export function orgColoursByCountry(
  countries: readonly string[],
  theme: Theme = 'light',
): { colours: string[]; legend: readonly LegendEntry[] } {
  const map = makeCountryColours(countries, theme);
  return { colours: countries.map((c) => map.colourForCountry(c)), legend: map.legend };
}
