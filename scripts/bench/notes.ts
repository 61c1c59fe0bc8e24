// Hand-written analysis for docs/performance.md: why a missed target misses and what would meet it, and findings.
// The figures and profiles next to it are generated; this text was written from the profiles of 2026-11-23 (commit
// 7d017c9) and must be revised when they move. After editing, `npm run bench -- --report-only` re-renders the page.
import type { Lookup } from './metrics';

/** Target id → markdown shown under the target when it is missed. */
export const ANALYSIS: Readonly<Record<string, string>> = {
  'step-js': `
**Where the time goes.** \`setWindow\` itself (the temporal index's diff) stays under 1 ms even at 50k — the "of which
inside setWindow" row. The rest of a step is the Svelte effects reacting to \`visibilityVersion\`, in the same task:
the graph's window effect (\`GraphView.svelte\` → \`GraphScene.sync\` → \`partialGraphFor\` in
\`src/lib/graph/reducers.ts\`, whose key lists grow with the organisations a step touches) and the map's
(\`MapView.svelte\` → \`MapScene.sync\`, arcs and markers diffed in \`leaflet-binding.ts\`). Sigma's own refresh runs in
the next animation frame and is counted in the presented frame, not here. The p95 is set by a few steps per hundred
(GC and the steps where many collaborations start or end at once), not by the median step.

**What would meet it.** Keep the step to bookkeeping: mark changed organisations and edges in typed arrays in the
window effect and build sigma's key lists once per frame in the coalesced flush (\`sigma-binding.ts\`), from key
strings precomputed per edge; update the map's counts in the same frame instead of in the step. Several steps per
frame (brush drag, play) then pay for one key pass.
`,
  'layout-5k': `
**Where the time goes.** Since positions stream only up to 1,000 nodes (\`STREAM_MAX_NODES\` in
\`src/lib/graph/layout-request.ts\`), the main thread is idle while the worker computes; the long frames come at the
end. The worker's \`done\` message runs \`run.done.then\` in \`GraphView.svelte\` (\`fingerprintOf\`, \`saveLayout\` to
localStorage, \`binding.setPositions(positions, true)\`), and \`setPositions\` animates for 600 ms with sigma's
\`animateNodes\`: every animation frame rewrites every node's x/y, so sigma reprocesses the whole graph (\`process\`,
\`addEdgeToProgram\` for every edge) and re-uploads every buffer — the \`FrameRequestCallback\` frames attributed in the
notes, about 30–60 ms each at 5k/25k here and 0.4–0.9 s at 50k/250k.

**What would meet it.** On large graphs (above ~1,000 nodes, as for streaming) apply the finished layout without
animation: one reprocess instead of one per frame for 600 ms. At 5k/25k that single reprocess is still close to
50 ms on this machine, so meeting the target strictly also needs it split (e.g. nodes in one frame, edges in the next)
or the final positions written while the graph is hidden behind the progress bar; at 50k a cross-fade between two
renders rather than an animation of every node.
`,
  'first-frame-10k': `
The time from data-parsed to the first graph frame is one task (see the load profile): \`makeAtlasData\` (compile),
\`GraphScene\` (adjacency, pair table and \`compiledToPairGraph\`, whose graphology \`addEdge\` is the largest item),
then sigma's first full \`process\` in \`createSigmaBinding\` and the first refresh. Building the pair table and edge
arrays in the import worker and handing sigma typed arrays would take most of it off the main thread.
`,
  'first-frame-50k': `
Same single task as at 10k/50k — compile, graph tables, graphology graph, sigma's first process — growing with the
collaborations; see the load profile.
`,
  import: `
**Where the time goes.** The import proper runs in the worker and reaches the page in slices; no frame inside it is
long. The long one is the frame that receives the result: in \`import-client.ts\` the last message settles the
promise, and the same task goes on, in microtasks, through \`loadFromBytes\` (\`atlas:data-parsed\`, \`makeAtlasData\`),
\`App.svelte\`'s \`atlas.load\`, the Svelte effects and \`GraphView\`'s \`mountGraph\` (\`GraphScene\` with
\`compiledToPairGraph\`, then \`createSigmaBinding\`'s first full process) — seconds at 50k/250k (the load profile's
"app functions, inclusive"). Reading the record slices (\`event.data\` in \`onMessage\`, which deserialises arrays of
objects) is the next item.

**What would meet it.** Yield to the event loop between the stages (after the result, after \`makeAtlasData\`, before
the graph build: e.g. \`await new Promise((r) => setTimeout(r))\`), and move the heavy stages off the main thread:
compile and the pair table in the worker, records sent as typed arrays (transferred, not cloned). Each remaining
stage must then fit in 100 ms; sigma's first \`process\` of 250k edges does not, so the first frame at 50k would still
need the graph built in chunks (add nodes, then edges over several frames) or shown with merged edges first.
`,
  'builtin-first-view': `
The built-in first view fetches and parses the CSVs, region tables and geometry on the main thread, then draws the
first sigma and Leaflet frames; see the load profile.
`,
};

/** Findings not tied to a target, shown when their condition holds in the current results. */
export const FINDINGS: readonly {
  readonly id: string;
  readonly when: (get: Lookup, datasets: readonly string[]) => boolean;
  readonly text: string;
}[] = [
  {
    id: 'brush-drag-stops',
    when: (get, datasets) => datasets.some((d) => (get(d, 'brush.updates')?.median ?? 1) < 0.5),
    text: `
**The brush drag stops updating the window after its first move.** In \`src/lib/views/TimelineView.svelte\` the
effect that calls \`attachBrush\` used to end with \`handle.show(atlas.window.from, atlas.window.to)\`, a tracked read of
\`atlas.window\`: the first brush event changed the window, the effect re-ran, destroyed the brush and attached a new
one, and the pointer's gesture, left on the destroyed brush, moved its rectangle with no listener (60 \`page.mouse\`
moves → 1 \`atlas:timeline-step\`). Reading it untracked fixed it (commit ba2639c). If this shows again, the brush rows
measure a drag that does no work.
`,
  },
  {
    id: 'layout-animation-50k',
    when: (get, datasets) => datasets.includes('50k') && (get('50k', 'layout.longest')?.median ?? 0) > 300,
    text: `
**Finishing the layout freezes the page at 50k.** When the worker's layout arrives, \`GraphView.svelte\`
(\`runLayout\`, \`run.done.then\`) calls \`binding.setPositions(positions, true)\`: sigma's \`animateNodes\` rewrites all
50,000 nodes every frame for 600 ms, and each frame reprocesses the whole graph (0.4–0.9 s here), so the animation
shows as one or two frozen frames, not motion (see "longest frame while the layout runs"). Large graphs should jump to
the final positions.
`,
  },
];
