// The d3 brush binding: user drags report a window, programmatic moves do not echo back, cleanup runs twice.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { attachBrush } from '../../src/lib/views/brush-binding';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function mount() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '500');
  svg.setAttribute('height', '60');
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  svg.append(g);
  document.body.append(svg);
  const moves: [number, number][] = [];
  // 1 px = 1 day from day 1000.
  const handle = attachBrush(g, {
    extent: [
      [0, 0],
      [500, 60],
    ],
    toDay: (x) => Math.round(1000 + x),
    toX: (day) => day - 1000,
    onUserMove: (from, to) => moves.push([from, to]),
  });
  cleanups.push(() => {
    handle.destroy();
    svg.remove();
  });
  return { handle, moves, svg, g };
}

describe('brush binding', () => {
  it('does not report programmatic moves', () => {
    const { handle, moves, g } = mount();
    handle.show(1100, 1199);
    expect(moves).toEqual([]);
    const sel = g.querySelector('.selection')!;
    expect(Number(sel.getAttribute('x'))).toBe(100);
    expect(Number(sel.getAttribute('width'))).toBe(100);
  });

  it('reports a user drag as an inclusive day window', async () => {
    const { moves, svg } = mount();
    await userEvent.dragAndDrop(svg, svg, { sourcePosition: { x: 50, y: 30 }, targetPosition: { x: 250, y: 30 } });
    expect(moves.length).toBeGreaterThan(0);
    const [from, to] = moves[moves.length - 1]!;
    // Pointer positions land within a pixel (one day) of the requested ones.
    expect(Math.abs(from - 1050)).toBeLessThanOrEqual(1);
    expect(Math.abs(to - from - 199)).toBeLessThanOrEqual(1);
  });

  it('can be destroyed twice', () => {
    const { handle, g } = mount();
    handle.destroy();
    expect(() => handle.destroy()).not.toThrow();
    expect(g.childNodes.length).toBe(0);
  });
});
