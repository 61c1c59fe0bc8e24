// Label placement: no two drawn labels overlap, the more important label wins a contested spot, others move aside.
import { describe, expect, it } from 'vitest';
import {
  baselineOf,
  discBox,
  grow,
  LABEL_GAP,
  labelHalo,
  labelOptions,
  labelPriority,
  placeLabels,
  tagFill,
  slidInside,
  tagOptions,
  type LabelBox,
  type LabelCandidate,
} from '../../src/lib/graph/label-placement';

const box = (left: number, top: number, width: number, height = 13): LabelBox => ({ left, top, width, height });
/** A label with one possible spot. */
const fixed = (left: number, top: number, width: number, priority: number): LabelCandidate => ({
  options: [box(left, top, width)],
  priority,
});
const indices = (c: readonly LabelCandidate[]) => placeLabels(c).map((p) => p.index);

function apart(p: LabelBox, q: LabelBox): boolean {
  return (
    p.left >= q.left + q.width + LABEL_GAP ||
    q.left >= p.left + p.width + LABEL_GAP ||
    p.top >= q.top + q.height + LABEL_GAP ||
    q.top >= p.top + p.height + LABEL_GAP
  );
}

describe('placeLabels', () => {
  it('keeps labels that do not touch, in priority order', () => {
    expect(indices([fixed(0, 0, 50, 1), fixed(100, 0, 50, 3), fixed(0, 40, 50, 2)])).toEqual([1, 2, 0]);
  });

  it('drops the lower-priority label of an overlapping pair, whatever the input order', () => {
    expect(indices([fixed(0, 0, 80, 1), fixed(40, 5, 80, 9)])).toEqual([1]);
    expect(indices([fixed(40, 5, 80, 9), fixed(0, 0, 80, 1)])).toEqual([0]);
  });

  it('keeps the first of equal priorities', () => {
    expect(indices([fixed(0, 0, 80, 5), fixed(10, 0, 80, 5)])).toEqual([0]);
  });

  it('treats labels closer than the gap as overlapping, and labels exactly the gap apart as clear', () => {
    expect(indices([fixed(0, 0, 50, 2), fixed(50 + LABEL_GAP - 0.5, 0, 50, 1)])).toEqual([0]);
    expect(placeLabels([fixed(0, 0, 50, 2), fixed(50, 0, 50, 1)], null, 0).map((p) => p.index)).toEqual([0, 1]);
    expect(indices([fixed(0, 0, 50, 2), fixed(50 + LABEL_GAP, 0, 50, 1)])).toEqual([0, 1]);
    expect(indices([fixed(0, 0, 50, 2), fixed(0, 13 + LABEL_GAP, 50, 1)])).toEqual([0, 1]);
  });

  it('a label left out blocks nothing', () => {
    // B overlaps A (kept) and C; C only overlaps B, which was left out, so C is drawn.
    expect(indices([fixed(0, 0, 60, 3), fixed(50, 0, 60, 2), fixed(100, 0, 60, 1)])).toEqual([0, 2]);
  });

  it('moves a label to its next spot when the first is taken', () => {
    const taken = fixed(0, 0, 100, 9);
    const moving: LabelCandidate = { options: [box(50, 0, 40), box(0, 30, 40)], priority: 1 };
    const placed = placeLabels([taken, moving]);
    expect(placed.map((p) => p.index)).toEqual([0, 1]);
    expect(placed[1]!.box).toEqual(box(0, 30, 40));
  });

  it('two neighbouring nodes both keep a label: the second moves below its node', () => {
    // Node A at x=100 with a label reaching past node B at x=160; B's left spot would cover A's label too.
    const a = { options: labelOptions(100, 100, 8, 13, 60), priority: labelPriority(false, true, 8) };
    const b = { options: labelOptions(160, 100, 8, 13, 30), priority: labelPriority(false, true, 6) };
    const placed = placeLabels([a, b]);
    expect(placed.map((p) => p.index)).toEqual([0, 1]);
    expect(placed[0]!.box).toEqual(a.options[0]);
    expect(placed[1]!.box).toEqual(b.options[2]);
    expect(apart(placed[0]!.box, placed[1]!.box)).toBe(true);
  });

  it('prefers a spot inside the area; only a cutOk label takes a cut one, when nothing inside is free', () => {
    const area = { width: 200, height: 100 };
    // Near the right edge: the right spot would be cut, so the label goes left.
    const edge = { options: labelOptions(180, 50, 5, 13, 60), priority: 1 };
    expect(placeLabels([edge], area)[0]!.box).toEqual(edge.options[1]);
    // Every inside spot taken: a marked node's cut tag is better than none; a plain label is left out.
    const blocker = fixed(0, 0, 200, 9);
    const cornered = { options: [box(150, 90, 60), box(10, 5, 40)], priority: 1 };
    expect(placeLabels([blocker, { ...cornered, cutOk: true }], area)[1]!.box).toEqual(box(150, 90, 60));
    expect(placeLabels([blocker, cornered], area).map((p) => p.index)).toEqual([0]);
  });

  it('never returns overlapping boxes on a dense random field', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 400;
    const field = Array.from({ length: 300 }, (_, i) => ({
      options: labelOptions(rnd(), rnd(), 3 + (i % 5), 13, 20 + (i % 7) * 10),
      priority: i % 11,
    }));
    const placed = placeLabels(field);
    expect(placed.length).toBeGreaterThan(10);
    expect(placed.length).toBeLessThan(300);
    for (const p of placed) for (const q of placed) if (p !== q) expect(apart(p.box, q.box)).toBe(true);
  });
});

describe('labelPriority', () => {
  it('ranks marked over forced over size', () => {
    expect(labelPriority(true, false, 1)).toBeGreaterThan(labelPriority(false, true, 500));
    expect(labelPriority(false, true, 1)).toBeGreaterThan(labelPriority(false, false, 500));
    expect(labelPriority(false, false, 12)).toBeGreaterThan(labelPriority(false, false, 11));
  });
});

describe('labelOptions', () => {
  it('first spot is where sigma draws: 3 px past the rim, baseline a third of the font size below the centre', () => {
    const [right, left, below, above] = labelOptions(100, 50, 8, 15, 40);
    expect(right!.left).toBe(111);
    expect(baselineOf(right!).y).toBeCloseTo(55);
    expect(left!.left + left!.width).toBe(89);
    expect(below!.top).toBe(60);
    expect(above!.top + above!.height).toBe(40);
    expect(below!.left + below!.width / 2).toBe(100);
  });
});

describe('labelOptions diagonals', () => {
  const meetsDisc = (b: LabelBox, x: number, y: number, r: number) => {
    // Nearest point of the box to the disc's centre.
    const nx = Math.min(Math.max(x, b.left), b.left + b.width);
    const ny = Math.min(Math.max(y, b.top), b.top + b.height);
    return Math.hypot(nx - x, ny - y) < r;
  };

  it('offers eight spots, none touching the node’s disc, plain or on a tag', () => {
    for (const r of [2, 8, 30]) {
      const plain = labelOptions(100, 100, r, 13, 50);
      const tags = tagOptions(100, 100, r, 13, 50, 3);
      expect(plain).toHaveLength(8);
      expect(tags).toHaveLength(8);
      for (const b of [...plain, ...tags]) expect(meetsDisc(b, 100, 100, r)).toBe(false);
    }
  });

  it('a node by the right edge whose side, below and above spots are taken gets a diagonal inside the view', () => {
    const area = { width: 200, height: 200 };
    const node = { options: labelOptions(185, 100, 5, 13, 60), priority: 1 };
    const belowLeft = node.options[5]!;
    // Other labels cross the left spot and the strips right below and above the node; right would be cut by the edge.
    const taken = [
      { left: 150, top: 97, width: 25, height: 5 },
      { left: 183, top: 107, width: 17, height: 13 },
      { left: 183, top: 80, width: 17, height: 13 },
    ];
    const blockers = taken.map((b) => ({ options: [b], priority: 5 }));
    const placed = placeLabels([...blockers, node], area);
    const mine = placed.find((p) => p.index === 3)!;
    expect(mine.box).toEqual(belowLeft);
    expect(mine.box.left + mine.box.width).toBeLessThanOrEqual(200);
  });
});

describe('slidInside', () => {
  it('adds the below and above spots slid inside the view, and nothing for spots already inside', () => {
    const near = labelOptions(4, 100, 5, 13, 80);
    const out = slidInside(near, 300);
    expect(out.slice(0, 8)).toEqual(near);
    expect(out.slice(8)).toEqual([
      { ...near[2]!, left: 0 },
      { ...near[3]!, left: 0 },
    ]);
    expect(slidInside(labelOptions(150, 100, 5, 13, 80), 300)).toHaveLength(8);
    const right = slidInside(labelOptions(296, 100, 5, 13, 80), 300);
    expect(right.slice(8).map((b) => b.left + b.width)).toEqual([300, 300]);
    // Wider than the view: nothing to slide into.
    expect(slidInside(labelOptions(4, 100, 5, 13, 400), 300)).toHaveLength(8);
  });

  it('a node at the left edge with its right spot taken keeps a whole label below it', () => {
    const area = { width: 300, height: 200 };
    const node = { options: slidInside(labelOptions(4, 100, 5, 13, 80), area.width), priority: 1 };
    // Other labels cross the right spot and the right diagonals, but not the strip below the node.
    const taken = [
      { left: 40, top: 97, width: 50, height: 5 },
      { left: 82, top: 108, width: 8, height: 7 },
      { left: 82, top: 80, width: 8, height: 8 },
    ].map((b) => ({ options: [b], priority: 5 }));
    const placed = placeLabels([...taken, node], area).find((p) => p.index === 3)!;
    expect(placed.box).toEqual(node.options[8]);
    expect(placed.box.left).toBe(0);
  });
});

describe('labelHalo', () => {
  it('gives dark text a white halo and light text a dark one, in every colour notation', () => {
    const white = 'rgba(255, 255, 255, 0.85)';
    const dark = 'rgba(24, 24, 27, 0.85)';
    expect(labelHalo('#1d1d1f')).toBe(white);
    expect(labelHalo('#000')).toBe(white);
    expect(labelHalo('#e8e8ea')).toBe(dark);
    expect(labelHalo('#FFF')).toBe(dark);
    expect(labelHalo('rgb(230, 230, 230)')).toBe(dark);
    expect(labelHalo(' rgb(20 20 20) ')).toBe(white);
    expect(labelHalo('not a colour')).toBe(white);
  });
});

describe('tagOptions', () => {
  it('keeps the plain label gap outside the tag and the text where a plain label would sit, moved by the padding', () => {
    const plain = labelOptions(100, 50, 10, 12, 40);
    const tags = tagOptions(100, 50, 10, 12, 40, 3);
    const [right, left, below, above] = tags as [LabelBox, LabelBox, LabelBox, LabelBox];
    // The tag starts where the plain label did; its text sits 3 px further out on every side.
    expect(right.left).toBe(plain[0]!.left);
    expect(left.left + left.width).toBe(plain[1]!.left + plain[1]!.width);
    expect(below.top).toBe(plain[2]!.top);
    expect(above.top + above.height).toBe(plain[3]!.top + plain[3]!.height);
    for (const t of tags) {
      expect(t.width).toBe(46);
      expect(t.height).toBe(18);
    }
    const text = grow(right, -3);
    expect(text).toEqual({ left: plain[0]!.left + 3, top: plain[0]!.top, width: 40, height: 12 });
  });

  it('placed tags of a crowded cluster never overlap one another', () => {
    // Twelve marked nodes 6 px apart: sigma's own hover boxes would all pile up here.
    const candidates = Array.from({ length: 12 }, (_, i) => ({
      options: tagOptions(200 + (i % 3) * 6, 100 + i * 6, 5, 14, 90, 3),
      priority: labelPriority(true, false, 5),
    }));
    const placed = placeLabels(candidates, { width: 600, height: 400 });
    expect(placed.length).toBeGreaterThan(3);
    for (const p of placed) for (const q of placed) if (p !== q) expect(apart(p.box, q.box)).toBe(true);
  });
});

describe('tagFill', () => {
  it('puts light text on a dark tag and dark text on a white one', () => {
    expect(tagFill('#1d1d1f')).toBe('#ffffff');
    expect(tagFill('#e8e8ea')).toBe('#27272a');
    expect(tagFill('rgb(240, 240, 240)')).toBe('#27272a');
    expect(tagFill('unreadable')).toBe('#ffffff');
  });
});

describe('obstacles', () => {
  it('no label covers an obstacle: the label moves to its next spot, or is left out', () => {
    const options = labelOptions(100, 50, 5, 12, 40);
    const blockRight = discBox(options[0]!.left + 10, 50, 4);
    const [moved] = placeLabels([{ options, priority: 1 }], null, LABEL_GAP, [blockRight]);
    expect(moved!.box).toEqual(options[1]);
    const everywhere = options.map((o) => grow(o, 1));
    expect(placeLabels([{ options, priority: 1 }], null, LABEL_GAP, everywhere)).toEqual([]);
    // A node's own disc never blocks its label.
    const [own] = placeLabels([{ options, priority: 1 }], null, LABEL_GAP, [discBox(100, 50, 5)]);
    expect(own!.box).toEqual(options[0]);
  });
});
