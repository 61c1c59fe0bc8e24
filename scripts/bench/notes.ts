// Hand-written analysis for docs/performance.md: why a missed target misses and what would meet it, and findings.
// The figures next to them are generated; this text was written from the profiles and must be revised when they move.
import type { Lookup } from './metrics';

/** Target id → markdown shown under the target when it is missed. */
export const ANALYSIS: Readonly<Record<string, string>> = {
  'step-js': `
**Where the time goes.** A window step is cheap in the state (\`setWindow\` itself: the temporal index's diff, under
1 ms even at 50k — the "of which inside setWindow" row). The rest is the Svelte effects that react to
\`visibilityVersion\`, in the same task:

- *Graph* (\`GraphView.svelte\` window effect → \`GraphScene.sync\` → \`partialGraphFor\` in \`src/lib/graph/reducers.ts\`,
  then \`requestRefresh\` in \`src/lib/views/sigma-binding.ts\`): every organisation touched by an entering or leaving
  collaboration is refreshed with **every edge incident to it**, each as a freshly built string key (\`pairKey\`
  template strings in merged mode), and \`requestRefresh\` then adds each key to a \`Set<string>\`. A monthly step at
  20k–50k touches thousands of organisations, so tens of thousands of keys are built, hashed and stored per step —
  this is the largest JS item in the profile.
- *Map* (\`MapView.svelte\` window effect): \`MapScene.sync\`, \`markers()\` (a pass over every organisation) and the
  arc and marker diff in \`leaflet-binding.ts\`.
- "(program)" is native work in the same tasks (DOM updates from the effects, style and layout reads).

**What would meet it.** Keep the step to bookkeeping and move the key building to the frame: in the window effect
only mark changed organisations and edges in typed arrays (no strings, no Sets), and let the coalesced rAF flush in
\`sigma-binding.ts\` build the key lists once per frame from those marks, from precomputed key strings per edge
(an array built with the graph instead of \`pairKey\` per step). Several steps per frame (brush drag, play) then cost
one key pass. Do the same for the map: update only the marker groups of changed organisations. That leaves the
visibility diff plus counters in the step, well under 16 ms; the frame keeps sigma's partial refresh, which is
reported under "presented frame".
`,
  'layout-5k': `
**Where the time goes.** At 5k the layout worker streams positions (\`stream: compiled.orgCount <= 5000\` in
\`src/lib/graph/layout-request.ts\`). Each streamed message reaches \`binding.setPositions\` (\`GraphView.svelte\`
\`runLayout\` progress callback) → \`graph.updateEachNodeAttributes\` → sigma reprocesses the whole graph and re-uploads
every buffer in the next frame: the long frames are attributed to \`Worker.onmessage\` and \`FrameRequestCallback\`
(sigma's \`process\` and render), and the profile during the layout is sigma's \`process\`/\`addEdgeToProgram\` plus
native time waiting on the GPU process. The final animated move to the finished layout (600 ms of full reprocesses)
adds more.

**What would meet it.** Stream positions only below a size where a full sigma reprocess fits in a frame (about 2,000
nodes here, not 5,000), show the progress bar above it, and apply the final positions once without animation on large
graphs. A single full reprocess at 5k/25k is still close to 50 ms on this machine, so meeting the target strictly
also needs that one update split (nodes first, edges in a following frame) or a cheaper position update than sigma's
full \`process()\`.
`,
  'first-frame-10k': `
The time between data-parsed and the first graph frame is \`makeAtlasData\` (compile), \`GraphScene\` (adjacency, pair
table, graphology graph) and sigma's first full process and render, in one task (see the load profile). Building the
graph tables in the import worker and transferring typed arrays would take most of it off the main thread.
`,
  'first-frame-50k': `
See the 10k/50k target: the same single task (compile, graph tables, graphology graph, first sigma process) grows
linearly with the collaborations.
`,
  import: `
The import itself runs in the worker and arrives in slices; the long frame is the one that receives the result: its
task goes on, in microtasks, from \`await run.result\` (\`load-remote.ts\`) into \`makeAtlasData\`, \`atlas.load\`, the
Svelte effects and the graph build — one task of seconds at 50k. Yield to the event loop after the result (e.g.
\`await new Promise((r) => setTimeout(r))\` between \`makeAtlasData\` and \`atlas.load\`, and again before the graph
build) and move \`makeAtlasData\`'s compile step into the worker.
`,
  'builtin-first-view': `
The built-in first view is dominated by fetching and parsing the CSVs and geometry on the main thread, then the first
sigma and Leaflet frames; see the load profile.
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
**Brush drag stops updating the window after its first move** (\`src/lib/views/TimelineView.svelte\`, the effect that
calls \`attachBrush\`). That effect ends with \`handle.show(atlas.window.from, atlas.window.to)\`, which *reads*
\`atlas.window\` and so makes the effect depend on it: the first brush event changes the window, the effect re-runs,
destroys the brush (\`brush.on('brush end', null)\`, children removed) and attaches a new one. The pointer's gesture
belongs to the destroyed brush: its selection rectangle keeps following the mouse, but its events reach no listener,
so the window stays where the first move put it until the next mousedown. Evidence: 60 \`page.mouse\` moves across the
histogram give 1 \`atlas:timeline-step\` mark (built-in and 20k alike) while the selection rectangle ends under the
pointer; the drag's frames are then all idle. Reading the window untracked in that effect
(\`untrack(() => handle.show(atlas.window.from, atlas.window.to))\`; the separate \`brush?.show\` effect already
follows the window) gives 60 steps for 60 moves — checked on a copy of the source. The brush rows below measure the
broken drag until this is fixed.
`,
  },
];
