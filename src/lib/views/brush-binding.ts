// Binds a d3 brush to an SVG group: reports user moves in day numbers and follows programmatic windows silently.
import { brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { select, type Selection } from 'd3-selection';

export interface BrushOptions {
  /** Plot extent in pixels: [[x0, y0], [x1, y1]]. */
  readonly extent: [[number, number], [number, number]];
  /** Pixel → day number and back (the same scale the histogram uses). */
  readonly toDay: (x: number) => number;
  readonly toX: (day: number) => number;
  /** Called only for moves made by the user (mouse, touch, keyboard through `nudge`). */
  readonly onUserMove: (from: number, to: number) => void;
}

export interface BrushHandle {
  /** Moves the brush to a window without reporting it back (state → view). */
  show(from: number, to: number): void;
  destroy(): void;
}

/** Attaches a horizontal brush; safe to destroy twice. */
export function attachBrush(group: SVGGElement, options: BrushOptions): BrushHandle {
  const g: Selection<SVGGElement, unknown, null, undefined> = select(group);
  let shown: [number, number] | null = null;
  const brush: BrushBehavior<unknown> = brushX<unknown>()
    .extent(options.extent)
    .on('brush end', (event: D3BrushEvent<unknown>) => {
      // Programmatic moves carry no sourceEvent: ignoring them is what keeps state and brush from ping-ponging.
      if (!event.sourceEvent || !event.selection) return;
      const [x0, x1] = event.selection as [number, number];
      const from = options.toDay(x0);
      const to = options.toDay(x1) - 1;
      if (shown && shown[0] === from && shown[1] === to) return;
      shown = [from, to];
      options.onUserMove(from, Math.max(from, to));
    });
  g.call(brush);
  let destroyed = false;
  return {
    show(from, to) {
      if (destroyed || (shown && shown[0] === from && shown[1] === to)) return;
      shown = [from, to];
      g.call(brush.move, [options.toX(from), options.toX(to + 1)]);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      brush.on('brush end', null);
      g.on('.brush', null);
      g.selectAll('*').remove();
    },
  };
}
