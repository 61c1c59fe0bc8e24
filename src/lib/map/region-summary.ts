// What the details panel shows about one region: its organisations, partner regions and time span.
import { UNDATED, type CompiledDataset } from '../model/compiled';
import type { RegionTables } from './region-tables';
import { eurostatCountry, type Placement } from './placement';

export interface PartnerRegion {
  readonly region: number;
  readonly code: string;
  /** Visible collaborations between the two regions. */
  readonly count: number;
  readonly crossBorder: boolean;
}

export interface RegionSummary {
  readonly region: number;
  readonly code: string;
  /** Organisations located in the region, visible or not, ascending index. */
  readonly organisations: readonly number[];
  /** Visible collaborations with at least one end in the region; `internal` have both. */
  readonly collaborations: number;
  readonly internal: number;
  /** Most collaborations first, ties by NUTS code. */
  readonly partners: readonly PartnerRegion[];
  /** Collaborations whose other end is in another country / the same country / an unknown one. */
  readonly crossBorder: number;
  readonly domestic: number;
  readonly unknownCountry: number;
  /** crossBorder / (crossBorder + domestic); null when no collaboration has a known partner country. */
  readonly crossBorderShare: number | null;
  /** Earliest first day over dated visible collaborations, UNDATED when none. */
  readonly firstDay: number;
  /** Latest start; shows how recent the last new link is. UNDATED when none. */
  readonly latestStart: number;
  /** Latest last day; OPEN_END when one is still running, UNDATED when none is dated. */
  readonly lastDay: number;
  readonly undated: number;
}

/**
 * Summarises `regionIdx` (an index at `tables.level`) over the collaborations visible in `collabMask`.
 * O(organisations and collaborations of the region), so it can follow the time window.
 */
export function regionSummary(
  compiled: CompiledDataset,
  tables: RegionTables,
  placement: Placement,
  regionIdx: number,
  collabMask: Uint8Array,
): RegionSummary {
  const codes = placement.regions[tables.level];
  const code = codes[regionIdx] ?? '';
  const country = code.slice(0, 2);
  const organisations = Array.from(
    tables.orgList.subarray(tables.orgStart[regionIdx] ?? 0, tables.orgStart[regionIdx + 1] ?? 0),
  );
  const partnerCounts = new Map<number, number>();
  let collaborations = 0;
  let internal = 0;
  let crossBorder = 0;
  let domestic = 0;
  let unknownCountry = 0;
  let firstDay = UNDATED;
  let latestStart = UNDATED;
  let lastDay = UNDATED;
  let undated = 0;
  const from = tables.collabStart[regionIdx] ?? 0;
  const to = tables.collabStart[regionIdx + 1] ?? 0;
  for (let i = from; i < to; i++) {
    const j = tables.collabList[i]!;
    if (!collabMask[j]) continue;
    collaborations++;
    const s = compiled.collabSource[j]!;
    const t = compiled.collabTarget[j]!;
    const rs = tables.regionOfOrg[s]!;
    const rt = tables.regionOfOrg[t]!;
    if (rs === regionIdx && rt === regionIdx) {
      internal++;
      domestic++;
    } else {
      const other = rs === regionIdx ? t : s;
      const otherRegion = rs === regionIdx ? rt : rs;
      if (otherRegion >= 0) partnerCounts.set(otherRegion, (partnerCounts.get(otherRegion) ?? 0) + 1);
      const otherCountry = countryOf(compiled, placement, other);
      if (otherCountry === '') unknownCountry++;
      else if (otherCountry === country) domestic++;
      else crossBorder++;
    }
    const first = compiled.collabFirst[j]!;
    if (first === UNDATED) {
      undated++;
      continue;
    }
    const last = compiled.collabLast[j]!;
    if (firstDay === UNDATED || first < firstDay) firstDay = first;
    if (latestStart === UNDATED || first > latestStart) latestStart = first;
    if (lastDay === UNDATED || last > lastDay) lastDay = last;
  }
  const partners = [...partnerCounts].map(([region, count]): PartnerRegion => {
    const partnerCode = codes[region] ?? '';
    return { region, code: partnerCode, count, crossBorder: partnerCode.slice(0, 2) !== country };
  });
  partners.sort((a, b) => b.count - a.count || a.region - b.region);
  const known = crossBorder + domestic;
  return {
    region: regionIdx,
    code,
    organisations,
    collaborations,
    internal,
    partners,
    crossBorder,
    domestic,
    unknownCountry,
    crossBorderShare: known === 0 ? null : crossBorder / known,
    firstDay,
    latestStart,
    lastDay,
    undated,
  };
}

/** An organisation's country: its NUTS country when placed in NUTS, else its own country code ('' unknown). */
export function countryOf(compiled: CompiledDataset, placement: Placement, org: number): string {
  const r0 = placement.regionAt[0][org] ?? -1;
  if (r0 >= 0) return placement.regions[0][r0] ?? '';
  return eurostatCountry(compiled.dataset.organisations[org]?.country ?? '');
}
