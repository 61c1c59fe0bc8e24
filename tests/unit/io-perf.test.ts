// Measures the import at the target size (50,000 organisations, 250,000 collaborations) and checks progress and abort at that scale.
import { describe, expect, test } from 'vitest';
import { importFiles } from '../../src/lib/io/import-files';
import { parseXmlLikeChromium, regions, textFile, TODAY } from './io-helpers';

const ORGS = 50_000;
const COLLABS = 250_000;
const NUTS = ['BE33', 'PL22', 'DE1', 'FRK2', 'NL42', 'ES51', 'AT13', 'DK01'];

/** Semicolon CSV with decimal commas and day-first dates, the slow path through the reader. */
function bigFiles() {
  const orgs = ['Id;Label;Type;NUTS;Lat;Lon;Tags'];
  for (let i = 0; i < ORGS; i++)
    orgs.push(`o${i};Organisation ${i} Liège;cluster;${NUTS[i % NUTS.length]};50,${i % 1000};4,${i % 997};a|b`);
  const collabs = ['Id;Source;Target;Kind;Start;End;Weight'];
  for (let j = 0; j < COLLABS; j++) {
    const day = 1 + (j % 28);
    collabs.push(
      `c${j};o${j % ORGS};o${(j * 7 + 1) % ORGS};partnership;${day}/0${1 + (j % 9)}/20${10 + (j % 10)};2024-12;1,5`,
    );
  }
  return [textFile('orgs.csv', orgs.join('\r\n')), textFile('collabs.csv', collabs.join('\r\n'))];
}

describe('import at 250,000 collaborations', () => {
  test('takes a few seconds, reports progress, keeps every row', async () => {
    const files = bigFiles();
    const fractions: number[] = [];
    const t0 = performance.now();
    const result = await importFiles(files, {
      today: TODAY,
      regions,
      parseXml: parseXmlLikeChromium,
      onProgress: (f) => fractions.push(f),
    });
    const ms = performance.now() - t0;
    console.info(
      `import of ${ORGS} organisations + ${COLLABS} collaborations (${(files[1]!.bytes.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms, ${fractions.length} progress calls`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.dataset.collaborations).toHaveLength(COLLABS);
    expect(result.dataset.dataset.collaborations[3]?.start).toEqual({ year: 2013, month: 4, day: 4, precision: 'day' });
    expect(fractions.length).toBeGreaterThan(50);
    expect(ms).toBeLessThan(15_000);
  }, 60_000);

  test('an abort mid-way stops within a chunk', async () => {
    const signal = { aborted: false };
    let calls = 0;
    const result = await importFiles(bigFiles(), {
      today: TODAY,
      regions,
      parseXml: parseXmlLikeChromium,
      signal,
      onProgress: (f) => {
        calls++;
        if (f > 0.5) signal.aborted = true;
      },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['aborted']);
    expect(calls).toBeLessThan(80);
  }, 60_000);
});
