// Stepped builds over later tasks: other tasks run between the pieces, cancel stops them, the result arrives once.
import { describe, expect, it } from 'vitest';
import { laterSteps } from '../../src/lib/views/later-task';

/** Busy for `ms` of wall time (a piece of a build). */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

function* pieces(count: number, ms: number, done: { n: number }): Generator<void, string, void> {
  for (let i = 0; i < count; i++) {
    spin(ms);
    done.n++;
    yield;
  }
  return 'built';
}

describe('laterSteps', () => {
  it('spreads the pieces over tasks of about the budget, letting other tasks run in between', async () => {
    const done = { n: 0 };
    const result = new Promise<string>((resolve) => laterSteps(pieces(20, 3, done), resolve, 10));
    let seenBetween = -1;
    setTimeout(() => (seenBetween = done.n), 0);
    expect(await result).toBe('built');
    expect(done.n).toBe(20);
    // The other task ran after the first slice (~4 pieces of 3 ms in 10 ms), long before the end.
    expect(seenBetween).toBeGreaterThan(0);
    expect(seenBetween).toBeLessThan(10);
  });

  it('stops at cancel: no further piece and no result', async () => {
    const done = { n: 0 };
    let delivered = false;
    const cancel = laterSteps(pieces(50, 2, done), () => (delivered = true), 5);
    await new Promise((r) => setTimeout(r, 0));
    cancel();
    const at = done.n;
    await new Promise((r) => setTimeout(r, 200));
    expect(done.n).toBe(at);
    expect(at).toBeLessThan(50);
    expect(delivered).toBe(false);
  });
});
