// Hand-written analysis for docs/performance.md: why a missed target misses and what would meet it, and findings.
// The figures and profiles next to it are generated; this text was written from the profiles of 2026-11-23 (commit
// 9905188) and must be revised when they move. After editing, `npm run bench -- --report-only` re-renders the page.
import type { Lookup } from './metrics';

/** Target id → markdown shown under the target when it is missed. */
export const ANALYSIS: Readonly<Record<string, string>> = {
  'step-js': `
**Where the time goes.** A step's JS is two parts, shown apart in the table. The *effects* — \`setWindow\`'s diff
(under 1 ms even at 50k), \`GraphScene.sync\`, \`MapScene.sync\` and the map restyle, the histogram and the counts —
stay within about 6 ms at the median and 16 ms at p95 at 50k; their p95 is set by the months where many
collaborations start or end at once (year-precision dates all enter in January). The rest is sigma's partial refresh
of the changed keys (\`refresh({ partialGraph, skipIndexation: true })\`: for each key the reducer, sigma's defaults
and object spreads, then \`addNodeToProgram\`/\`addEdgeToProgram\` writing its slice of the buffers), about 10 µs a
key here. A step already refreshes only what changes a pixel — node sizes quantised to 0.5 px, merged pair widths
banded per doubling, a node whose fade changed brings only its drawn edges — which cut a monthly step at 50k from
about 3,100 nodes + 3,300 edges to 860 + 1,900 (\`.dev\` probe on the bench build). What remains are the pairs that
appear or vanish in that month: a property of the data, not of the code. In the app this refresh is time-sliced
(\`sigma-binding.ts\`: 8 ms of keys per frame, the rest in the next frames), so no frame is blocked by it; the table
reports its whole cost per step, as the target asks.

**What would meet it.** Stop paying per key for the time filter: give sigma's node and edge programs each item's
first and last day as vertex attributes and the window as a uniform, and discard out-of-window items in the vertex
shader (custom sigma 3 programs). A window step would then cost one uniform write at any size, and the reducers would
keep only hover, selection and filters. Degree-driven node sizes would move to the same attribute scheme (or be
refreshed in idle time). Not attempted yet.
`,
  'layout-5k': `
**Where the time goes.** Positions stream to sigma only up to 1,000 nodes (\`STREAM_MAX_NODES\` in
\`src/lib/graph/layout-request.ts\`), so while the worker computes the main thread is idle. Since commit 3b0dfbe the
finished layout is applied at once above that size (it used to animate for 600 ms, each frame a full reprocess). The
one long frame left is that single reprocess: \`run.done.then\` in \`GraphView.svelte\` → \`binding.setPositions\` →
sigma's \`process\` of every node and edge, about 60 ms at 5k/25k here in the worst repetition (none over 50 ms at
the median).

**What would meet it.** Split the reprocess across frames (sigma 3 has no API for it) or run the layout before the
renderer is mounted, so the first \`process\` is the only one; for imported data the layout cache already makes the
second visit free.
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
**Finishing the layout holds one long frame at 50k.** The finished positions go to sigma at once (no animation above
1,000 nodes since commit 3b0dfbe), but any position change makes sigma reprocess all nodes and edges: one frame of
about a second here. Running the layout before the renderer is mounted (and keeping the cached layout for later
visits, as the app does) would avoid it.
`,
  },
];
