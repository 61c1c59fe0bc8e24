// Running summary of generated rows (degree tail, cross-border, date shapes) for the generator's report.
import type { CollaborationRow, OrganisationRow } from './generate';

export interface SyntheticSummary {
  readonly maxDegree: number;
  readonly medianDegree: number;
  /** Share of collaborations between two known, different countries among those with both countries known. */
  readonly crossBorder: number;
  readonly selfLoops: number;
  readonly undated: number;
  /** Shares of dated collaborations. */
  readonly openEnded: number;
  readonly oneOff: number;
  readonly noLocation: number;
  readonly outsideNuts: number;
  readonly noCoordinates: number;
}

/** Collects as rows stream past, so the report costs no second pass over the files. */
export class SyntheticStats {
  private readonly index = new Map<string, number>();
  private readonly countries: string[] = [];
  private degree: number[] = [];
  private known = 0;
  private foreign = 0;
  private selfLoops = 0;
  private undated = 0;
  private dated = 0;
  private open = 0;
  private oneOff = 0;
  private noLocation = 0;
  private outsideNuts = 0;
  private noCoordinates = 0;

  addOrganisation(row: OrganisationRow): void {
    const [id, , , , country, nuts, , lat] = row;
    this.index.set(id, this.countries.length);
    this.countries.push(country);
    this.degree.push(0);
    if (country === '' && nuts === '' && lat === '') this.noLocation++;
    else if (nuts === '') this.outsideNuts++;
    else if (lat === '') this.noCoordinates++;
  }

  addCollaboration(row: CollaborationRow): void {
    const [, source, target, , , start, end] = row;
    const s = this.index.get(source);
    const t = this.index.get(target);
    if (s !== undefined) this.degree[s]!++;
    if (t !== undefined && t !== s) this.degree[t]!++;
    if (source === target) this.selfLoops++;
    const cs = s === undefined ? '' : this.countries[s]!;
    const ct = t === undefined ? '' : this.countries[t]!;
    if (cs !== '' && ct !== '') {
      this.known++;
      if (cs !== ct) this.foreign++;
    }
    if (start === '') this.undated++;
    else {
      this.dated++;
      if (end === '') this.open++;
      else if (end === start) this.oneOff++;
    }
  }

  summary(): SyntheticSummary {
    const sorted = Int32Array.from(this.degree).sort();
    const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
    return {
      maxDegree: sorted.length === 0 ? 0 : sorted[sorted.length - 1]!,
      medianDegree: sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!,
      crossBorder: share(this.foreign, this.known),
      selfLoops: this.selfLoops,
      undated: this.undated,
      openEnded: share(this.open, this.dated),
      oneOff: share(this.oneOff, this.dated),
      noLocation: this.noLocation,
      outsideNuts: this.outsideNuts,
      noCoordinates: this.noCoordinates,
    };
  }
}
