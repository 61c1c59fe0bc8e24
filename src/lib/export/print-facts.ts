// Facts of the printable page: the sources cited by what is shown, how many regions it covers, dates in the language.
import { firstDay, type PartialDate } from '../model/dates';
import type { Dataset, Source } from '../model/types';

/**
 * Sources cited by the visible collaborations and organisations, in the dataset's order. A source cited only by
 * something filtered out is not listed: the page cites what it shows.
 */
export function citedSources(
  dataset: Pick<Dataset, 'sources' | 'organisations' | 'collaborations'>,
  orgVisible: ArrayLike<number>,
  collabVisible: ArrayLike<number>,
): Source[] {
  const cited = new Set<string>();
  dataset.collaborations.forEach((c, j) => {
    if (collabVisible[j]) for (const s of c.sources) cited.add(s);
  });
  dataset.organisations.forEach((o, i) => {
    if (orgVisible[i]) for (const s of o.sources) cited.add(s);
  });
  return dataset.sources.filter((s) => cited.has(s.id));
}

/**
 * Distinct NUTS regions at `level` (0 countries, 1, 2) holding a visible organisation; organisations without a NUTS
 * code (outside the EU's regions, or unplaced) are not counted.
 */
export function regionCount(
  organisations: readonly { readonly nuts: string }[],
  orgVisible: ArrayLike<number>,
  level: 0 | 1 | 2,
): number {
  const length = 2 + level;
  const codes = new Set<string>();
  organisations.forEach((o, i) => {
    if (orgVisible[i] && o.nuts.length >= length) codes.add(o.nuts.slice(0, length));
  });
  return codes.size;
}

/** A partial date at its own precision in `locale`: "2021", "mai 2024", "18 November 2021". UTC, so no day shifts. */
export function formatSourceDate(date: PartialDate, locale: string): string {
  const month = date.precision === 'year' ? undefined : 'long';
  const day = date.precision === 'day' ? 'numeric' : undefined;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month, day }).format(
    firstDay(date) * 86_400_000,
  );
}
