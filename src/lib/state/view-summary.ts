// Text alternatives for the graph and the map: what the view shows now, in words, for screen readers.
import type { CompiledDataset } from '../model/compiled';
import { formatNumber, LOCALES, translate, type Lang, type MessageKey } from '../i18n';
import type { TimeWindow } from '../timeline/temporal-index';
import type { Selection } from './view-state';

/** The parts of `Visibility` a summary reads (plain arrays in tests). */
export interface SummaryVisibility {
  readonly visibleOrgs: number;
  readonly visibleCollabs: number;
  readonly orgVisible: ArrayLike<number>;
  readonly orgDegree: ArrayLike<number>;
  readonly collabVisible: ArrayLike<number>;
}

export interface SummaryInput {
  readonly lang: Lang;
  readonly compiled: CompiledDataset;
  readonly vis: SummaryVisibility;
  readonly window: TimeWindow;
  readonly selection: Selection;
  /** Display name of a NUTS code or country code (falls back to the code). */
  readonly regionName: (code: string) => string;
}

/** How many names "most connected" / "most active" lists. */
const TOP = 3;

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A day number as "March 2016" in the interface language (days are UTC calendar days). */
export function formatMonth(lang: Lang, day: number): string {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', month: 'long', year: 'numeric' });
    dateFormats.set(lang, f);
  }
  return f.format(day * 86_400_000);
}

function plural(lang: Lang, one: MessageKey, other: MessageKey, count: number): string {
  return translate(lang, count === 1 ? one : other, { count });
}

/** Indexes of the `k` largest values among `include`d items, largest first, ties by index. */
export function topK(
  count: number,
  k: number,
  value: (i: number) => number,
  include: (i: number) => boolean,
): number[] {
  const top: number[] = [];
  for (let i = 0; i < count; i++) {
    if (!include(i)) continue;
    const v = value(i);
    if (v <= 0) continue;
    if (top.length === k && v <= value(top[k - 1]!)) continue;
    let at = top.length;
    while (at > 0 && value(top[at - 1]!) < v) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}

function list(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items);
}

/** Region (NUTS, else country) of each organisation, as a string key for counting. */
function placeOf(compiled: CompiledDataset, i: number): string {
  const o = compiled.dataset.organisations[i]!;
  return o.nuts || o.country;
}

function selectionText(input: SummaryInput): string | null {
  const { lang, compiled, vis, selection } = input;
  if (selection.kind === 'org') {
    const i = compiled.orgIndexById.get(selection.id);
    if (i === undefined) return null;
    const partners = new Set<number>();
    for (let j = 0; j < compiled.collabCount; j++) {
      if (vis.collabVisible[j] !== 1) continue;
      const s = compiled.collabSource[j]!;
      const t = compiled.collabTarget[j]!;
      if (s === i && t !== i) partners.add(t);
      else if (t === i && s !== i) partners.add(s);
    }
    const places = new Set([...partners].map((p) => placeOf(compiled, p)).filter((p) => p !== ''));
    return translate(lang, 'summarySelectedOrg', {
      name: compiled.dataset.organisations[i]!.name,
      partners: plural(lang, 'summaryPartnersOne', 'summaryPartnersOther', partners.size),
      regions: plural(lang, 'summaryRegionsOne', 'summaryRegionsOther', places.size),
    });
  }
  if (selection.kind === 'region') {
    let orgs = 0;
    compiled.dataset.organisations.forEach((o, i) => {
      if (vis.orgVisible[i] === 1 && (o.nuts.startsWith(selection.code) || o.country === selection.code)) orgs++;
    });
    return translate(lang, 'summarySelectedRegion', {
      name: input.regionName(selection.code),
      orgs: plural(lang, 'summaryOrganisationsOne', 'summaryOrganisationsOther', orgs),
    });
  }
  if (selection.kind === 'pair') {
    return translate(lang, 'summarySelectedPair', {
      a: input.regionName(selection.a),
      b: input.regionName(selection.b),
    });
  }
  return null;
}

/** "42 organisations, 57 collaborations from January 2016 to December 2021; most connected: …; selected: …". */
export function graphSummary(input: SummaryInput): string {
  const { lang, compiled, vis, window } = input;
  const parts = [
    translate(lang, 'summaryGraph', {
      orgs: plural(lang, 'summaryOrganisationsOne', 'summaryOrganisationsOther', vis.visibleOrgs),
      collabs: plural(lang, 'summaryCollaborationsOne', 'summaryCollaborationsOther', vis.visibleCollabs),
      from: formatMonth(lang, window.from),
      to: formatMonth(lang, window.to),
    }),
  ];
  const top = topK(
    compiled.orgCount,
    TOP,
    (i) => vis.orgDegree[i]!,
    (i) => vis.orgVisible[i] === 1,
  );
  if (top.length) {
    const names = top.map(
      (i) => `${compiled.dataset.organisations[i]!.name} (${formatNumber(lang, vis.orgDegree[i]!)})`,
    );
    parts.push(translate(lang, 'summaryMostConnected', { list: list(lang, names) }));
  }
  const selected = selectionText(input);
  if (selected) parts.push(selected);
  return parts.join('; ') + '.';
}

/** Map level of each organisation: index into `regionCodes`, or -1 (placement.regionAt[level]). */
export interface MapSummaryInput extends SummaryInput {
  readonly regionAt: ArrayLike<number>;
  readonly regionCodes: readonly string[];
}

/** "12 regions with visible organisations; most active: Brussels (9), …; selected: …". */
export function mapSummary(input: MapSummaryInput): string {
  const { lang, vis, regionAt, regionCodes } = input;
  const counts = new Int32Array(regionCodes.length);
  for (let i = 0; i < regionAt.length; i++) {
    const r = regionAt[i]!;
    if (r >= 0 && vis.orgVisible[i] === 1) counts[r]!++;
  }
  const active = counts.reduce((n, c) => (c > 0 ? n + 1 : n), 0);
  const parts = [
    active === 0
      ? translate(lang, 'summaryMapNone')
      : translate(lang, 'summaryMap', {
          regions: plural(lang, 'summaryRegionsOne', 'summaryRegionsOther', active),
        }),
  ];
  const top = topK(
    counts.length,
    TOP,
    (r) => counts[r]!,
    () => true,
  );
  if (top.length) {
    const names = top.map((r) => `${input.regionName(regionCodes[r]!)} (${formatNumber(lang, counts[r]!)})`);
    parts.push(translate(lang, 'summaryMostActive', { list: list(lang, names) }));
  }
  const selected = selectionText(input);
  if (selected) parts.push(selected);
  return parts.join('; ') + '.';
}
