// Hand-written analysis for docs/performance.md: why a missed target misses and what would meet it, and findings.
// The figures and profiles next to it are generated; this text was written from the profiles of 2026-11-23 (commit
// 9905188; steps and import revised at 2a90a59, import and first frames at 6ef988b, steps and filters at 4224247,
// revised with a 50k-only run at 162359d, import revised with a 5k/50k run at f424689, import and steps with
// 5k/50k runs of 47d3f06 and its successor; filters, region click and search with 5k/50k runs of 76f77e3 and 26ff2e6;
// filters and positions after the layout with a 5k/50k run of 0e016a5; the region click's refresh with probes of f3460a8;
// filters with a 5k/50k run of 07621af and the full run of 3579e38; filters, load and GEXF with the full run of d5267ce;
// import (region tables) and filters with the full run of 43a29b6)
// and must be revised when they move. After editing,
// `npm run bench -- --report-only` re-renders the page.
import type { Lookup } from './metrics';

/** Target id → markdown shown under the target when it is missed. */
export const ANALYSIS: Readonly<Record<string, string>> = {
  'step-js': `
**Where the time goes.** Since commit 47de60f a step hands sigma no key at all (outside playback, whose emphasis is
a reducer colour): what a step changes — node sizes and fades for inactivity, pair widths, whether an item is drawn —
is written as bytes into state textures the shaders read (\`src/lib/graph/gpu-state.ts\`,
\`src/lib/views/state-programs.ts\`), and the window itself is a uniform the edge shaders test (commit d47f96f). The
"sigma refresh" rows are now ~0. What remains is the effects, each proportional to the collaborations that enter or
leave: \`setWindow\`'s diff of the temporal index (\`stepWindow\`), \`GraphScene.sync\` (counts and texels of the
organisations and pairs touched), \`MapScene.sync\` (region and pair counts, restyle) and the map's top arcs with their
tooltips, the histogram and the counts. In the 50k profile above they split roughly map 43 %, graph 26 %, window diff
21 %. The p95 is set by the months where many collaborations start or end at once: year-precision dates all enter in
January, ~7,000 collaborations in one step at 50k against a median of ~2,200.

**Since this run.** Map arcs now make their tooltip text when a tooltip opens (6517f4b), not on every step for every
arc. A 50k-only run at 162359d (3 repetitions, machine flagged degraded: WebGL 2.1× usual) gave a step p95 of
**17 ms (16–21)**, against 24 ms in the table above. A 5k/50k run at f424689 (2 repetitions, flagged degraded:
WebGL 2.2× usual), with no change to the step path since 6c9dda2, gave **13 ms (12–15) at 5k and 25 ms (17–32) at
50k**: the 50k p95 moves with the machine by more than the last commits changed it, and stays above target.
Since 47d3f06 the graph and the map read the step's change list as one array view (\`ChangeLog.takeSince\`) in inline
loops over hoisted arrays, with no closure call per collaboration, and \`Visibility\` re-evaluates an organisation only
when its degree crosses zero. The first steps in a page run this code before the JIT has optimised it; single-page
probes (100 steps, then 100 more) gave a first-pass median of 2.8–4.3 ms instead of 5.4–5.5 ms, and a warm p95 of
5.2–8.2 ms instead of 6.5–13.3 ms. Bench runs of 47d3f06 (staging by frames, see the import notes): **8.5 ms (7.8–9.3)
at 5k and 13 ms (9.8–17) at 50k**, 2 repetitions, machine not flagged; with the staging by tasks, 8.8 ms (8.6–9.1) at
5k (2 repetitions) and 15 ms at 50k (1 repetition, flagged degraded). Under the 16 ms target in every run since, with
the worst 50k repetition at 17 ms. Two 5k/50k runs on 2026-12-06 (76f77e3 and 26ff2e6, 2 repetitions each, machine
flagged degraded: WebGL 2.3–2.6× usual) gave 13–14 ms at 5k and **22–25 ms at 50k**; that session changed nothing on
the step path, and single-page probes of d726f9a and 76f77e3 (3 × 100 steps at 50k each) gave p95s of 52, 11 and 13 ms before and 16, 12 and 10 ms after: the 50k p95 follows the machine's load. A 5k/50k run of 0e016a5 (2 repetitions,
flagged degraded: WebGL 1.9× usual, load average 1.6), with the step path still unchanged, gave **10 ms (6.8–13) at
5k and 9.8 ms (9.3–10) at 50k**.

**What would meet it.** Fewer passes over the same changed collaborations: the graph, the map and the index each walk
the step's change list with their own closures; one walk writing graph texels and region counts together, and the
map's arcs rebuilt only when the top pairs change, would take out most of what is left of the map's share.
`,
  'layout-5k': `
**Where the time goes.** Positions stream to sigma only up to 1,000 nodes (\`STREAM_MAX_NODES\` in
\`src/lib/graph/layout-request.ts\`), so while the worker computes the main thread is idle. Since commit 3b0dfbe the
finished layout is applied at once above that size (it used to animate for 600 ms, each frame a full reprocess). The
one long frame left is that single reprocess: \`run.done.then\` in \`GraphView.svelte\` → \`binding.setPositions\` →
sigma's \`process\` of every node and edge, about 50–60 ms at 5k/25k here in the worst repetition (none over 50 ms at
the median). Since commit fab99bc the layout cache (hashing the dataset, writing localStorage) is written when the page
is idle, not in that frame.

**What would meet it.** Split the reprocess across frames (sigma 3 has no API for it) or run the layout before the
renderer is mounted, so the first \`process\` is the only one; for imported data the layout cache already makes the
second visit free.
`,
  'first-frame-10k': `
The time from data-parsed to the first graph frame is \`makeAtlasData\` (compile), \`GraphScene\` (adjacency, pair
table and the graphology graph), then sigma's first full pass in \`createSigmaBinding\` and its first render —
separate tasks above 1,000 organisations (10,000 before f424689). Above that size the merged graph is built in slices of about 40 ms
(\`pairGraphSteps\` run by \`laterSteps\`), which removes a task of 1–1.5 s at 50k but adds roughly 8 % to the total
(the slices wait for the next task each time). Building the pair table and edge arrays in the import worker and
handing them over as typed arrays would take most of the rest off the main thread.
`,
  'first-frame-50k': `
Same sequence as at 10k/50k — compile, graph tables, the graphology graph in ~40 ms slices, sigma's first process in
one task — growing with the collaborations; see the load profile.
`,
  import: `
**Where the time goes.** The import proper runs in the worker and reaches the page in slices; no frame inside it is
long. Since commit 2a90a59 the views of a large dataset (over 1,000 organisations since f424689; 10,000 before) build in tasks of their own, so
the frame that receives the result holds only the structured-clone copy of the dataset, \`makeAtlasData\` and the
light views (~0.3–0.5 s at 50k against 3.7 s before). Since commit 0acd94a the worker also derives the compiled
columns, map placement, co-participation links and temporal index and transfers them as typed arrays, so
\`makeAtlasData\` only indexes ids (16 ms instead of ~150) and the visibility build skips its sort (20 ms instead of
~70); with the filter menus counted from the compiled codes (f4cd00d) and the start positions moved to a later task
(43cc268), that frame takes 133–188 ms in this run (0.46–0.55 s in the run of 6ef988b); most of what is left is
Svelte mounting the dashboard and Leaflet's first fit (a forced layout). Since commit 6ef988b the merged graph (graphology's \`addNode\`
and \`addEdge\` for 50k organisations and 230k pairs, 1–1.5 s in one task before) is built in slices of about 40 ms.
The pair table before it (\`groupPairs\`) is still one task, but since commit d8a8e80 it is built with typed arrays
(bucketed by lower end, a stamp array over the higher end) instead of a Map keyed by \`s·N + t\`: 35 ms instead of
90 ms for 250k distinct pairs in Node, about 0.1 s in the page. Graphology's \`addEdge\` itself costs ~7 µs an edge
(1.6–2 s for 240k edges in Node, most of it writing its per-node adjacency objects); passing the graph's own node key
strings instead of a fresh \`String(i)\` per edge end saves about a fifth of it (commit 89564f6). What remains
long is sigma's constructor (its first full pass over every node and edge) with its first render (\`process\`),
1–1.6 s in one task.

**What would meet it.** Build the pair table in the import worker and transfer it as typed arrays; mount the
dashboard's panels in a task of their own for large datasets. Sigma 3's first pass over 280k items is one call and cannot be
sliced from outside, so at 50k one task of about a second remains whatever the app does — unless the first frame
shows fewer edges (for instance only pairs of several collaborations) and the rest are added later, at the cost of
sigma re-processing everything once more.

**Since this run** (commit f424689). Two long frames came from the page's own start-up, not from the data: the task
that awaits the region tables built every region's name keys (Unicode normalisation of ~2,000 names, 40–90 ms) —
they are now built on the first lookup by name, which the views never make — and at 5k/25k the views still built in
the frame that receives the worker's result (0.8–0.95 s). With views built in tasks of their own from 1,000
organisations, a 5k/50k run at f424689 (2 repetitions, machine flagged degraded) gave: longest frame within the import
**27 ms (0–54) at 5k** (was 148) and **81 ms (73–89) at 50k** (was 88, 85–131), under 100 ms in every repetition;
frame that receives the result **112 ms at 5k** (was 782) and **286 ms (272–300) at 50k** (was 179, 147–183);
longest frame between data-parsed and data-ready at 5k 366 ms (was 782). Import 1239 ms at 5k, 4095 ms at 50k. The
50k hand-off is not touched by this change (a mark in the name-key build showed it never runs there); alternating
single-page probes of builds of 162359d, 6c9dda2 and f424689 gave 127–311 ms for that frame with no build
separable from the others. Of it, \`makeAtlasData\` is 20–65 ms (between the \`atlas:data-parsed\` and
\`atlas:data-ready\` marks), the rest Svelte mounting the dashboard.

**Since then** (449d691, 47d3f06 and the commit after). A CPU profile of that frame, aligned to the Long Animation Frames list, showed the id
index (\`orgIndexById\`, 17–48 ms), \`Visibility\`'s constructor (16–50 ms, an unoptimised loop with property loads),
the filter menus (~20 ms), Leaflet's map creation and first fit (~50 ms), the map's initial bounds (~10 ms) and Svelte.
Now the id index is built on first use (only a selection needs it), the constructor's loop reads hoisted arrays, and a
large dataset's dashboard mounts a frame after the hand-off and then in tasks of its own (graph and timeline, toolbars,
map, details and story panels; \`panels\` in \`App.svelte\`); the map draws its polygons and builds its aggregates in
two further tasks. The hand-off frame itself then holds only the worker message and \`makeAtlasData\`: under 50 ms (no
long frame spans data-parsed) in a 5k/50k run with every stage a frame apart (2 repetitions, machine not flagged); the
longest frame from data-parsed until the graph is built (a new row) was 79 ms at 5k and 197 ms (140–253) at 50k;
sigma's first pass after it is still one task of 1.4–2 s. Waiting for a frame at every stage held the 5k map back by ~0.9 s (frames
cost ~0.3 s once sigma draws) and moved its build into the layout (longest frame 113 ms), so only the first stage
waits for a frame now: a single-page probe at 50k showed no long frame at the hand-off and frames of 143–161 ms after
it, where the stages share frames with the graph's build steps and the map's aggregates (~140 ms in one task). A
5k run with every stage a task apart gave no frame over 50 ms while the layout runs and the map's first frame 453 ms
after data-parsed (716 before). A 5k/50k run of 0e016a5 (2 repetitions, flagged degraded), nothing on this path
changed: import 2.6 s at 50k with its longest frame 26 ms (0–51) and no long frame across data-parsed; frames until
the graph is built 103 ms (88–118) at 50k and 63 ms at 5k.
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
    id: 'filter-50k',
    when: (_get, datasets) => datasets.includes('50k'),
    text: `
**A kind filter at 50k: 37 ms (27–53) of JS the first time in a page, then 8.4 ms (7.0–16) for the map's task after it
(46 ms, 36–60, both together); 13 + 9.2 ms the third time.** Issue #4 asks for a filter's repaint in "well under 50 ms"
of main-thread work. In the run of d5267ce it was in every repetition: 30 ms (22–38) + 9.9 ms, 42 ms (32–46) together.
In this run (43a29b6, nothing on the filter's path changed, the machine flagged more degraded: WebGL 3.1× usual against
2.0×, load average 3.6) two of five repetitions went over 50 ms together (55 and 60 ms), the filter's own task at most
53 ms; once warm, 13 + 9.2 ms. The first filter in a page runs code the JIT has not yet optimised, and that is what
varies with the machine. The same kind of filter took 438–623 ms at b70a8e5, 111 + 37 ms in the full run of 4224247,
55 + 16 ms in the run of 3579e38 and 35 + 9.2 ms in a full run of 26519d7 on 2026-12-07.

**How a filter repaints.** A filter that removes most collaborations changes most organisations' size or fade and most
pair edges. Through sigma that was one full refresh, every node and edge through its reducer and \`process\` (0.3–0.5 s
here). Since 47de60f those are bytes in two state textures (one texel per organisation, one per edge) that the node and
edge shaders read: \`GraphScene.sync\` rewrites them after a filter and sigma runs no reducer. \`Visibility\` writes the
filter marks, visibility and degrees in one loop over the collaborations, the graph recounts its merged pairs in one
flat pass before the edge-texel loop, and the loops read hoisted typed arrays and lookup tables. Above 1,000
organisations the map counts in a worker: the filter's task posts the masks, and the reply's task (the app's
\`atlas:map-recount\` measure, shown apart) installs the counts, takes the class breaks and restyles only the regions
whose class changed.

**What took the first filter from 55 to 30 ms.** The bench reports the slower of the first pair (a kind on, then off),
and that was the "off" one. \`--trace-deopt --trace-protector-invalidation\` in Chromium showed why: the first filter
transferred its masks to the map's worker, the page's first detached ArrayBuffer, and V8 invalidated its
\`ArrayBufferDetaching\` protector, throwing away every optimised function that relied on it (the filter's loops, the
node and edge texel passes, the step path's). The next filter ran them unoptimised. Since 10b8d4c the masks are
cloned (one 600 KB copy); since 2d9c29a the page transfers no buffer at all (the layout client clones its request and
the import worker is sent Blobs), checked by an e2e test that records page-side transfers through an import and its
layout. In single-page probes last session, the map's task after a fifth filter took 118–150 ms in three of six pages;
in this run the map's task at 50k took at most 17 ms (first and third pair, five repetitions).

**The presented frame did not get slower.** Software WebGL now samples a texture per vertex. An A/B on the same 5k
data, builds of 9caa93e and 47de60f, 8 forced frames each, twice: plain frames 833/1106 ms before, 749/795 ms after;
after window steps 567/756 ms before, 509/499 ms after. The frame rows move with the machine (every recent run was
flagged degraded).
`,
  },
  {
    id: 'import-region-tables',
    when: (_get, datasets) => datasets.includes('5k') || datasets.includes('20k'),
    text: `
**The region tables inside the import (fixed in 43a29b6).** The full run of d5267ce had one frame of 133 ms inside the
import at 5k and one of 111 ms at 20k (one repetition of five each). Long Animation Frames attributed it to the
continuation of the region tables' fetch: a dataset opened by link read the tables after its own files, then built
the page's region index and parsed the map geometry in one task before starting the worker. Alternating single-page
probes of the two builds (six pages each) found such a frame in five of six pages at 5k (51–140 ms) and five of six
at 20k (52–86 ms). Marks inside it put the index at 13–39 ms and the geometry at 4–25 ms, on a page that was also
starting its import worker. The character-at-a-time CSV reader was most of the index's time: cold in Node the index
now builds in 17 ms instead of 29 ms, lines without quotes being cut with the native \`split\` and rows kept as arrays. Now the tables are fetched
alongside the dataset's files, the worker starts as soon as their text is in, and the page builds its index and parses
the geometry while the worker imports, in two tasks. The same probes then found no frame over 50 ms inside the import
at 5k or 20k (six pages each). In this run no frame over 50 ms fell within the import at 5k or 20k in any repetition;
at 50k two of five repetitions had one, of 69 and 78 ms (this run records no attribution for them; at most 53 ms at 50k
in the run of d5267ce), under the 100 ms target.
Import time fell at 20k and 50k (1605 and 3541 ms against 1872 and 4038 ms), the worker now starting earlier.
`,
  },
  {
    id: 'region-search-50k',
    when: (_get, datasets) => datasets.includes('50k'),
    text: `
**Region click and search at 50k (7b75ab6, 26ff2e6).** A CPU profile of a region click at 50k (138–270 ms of JS)
showed the details panel rebuilding the map's static region tables for every click (\`makeRegionTables\`, 60–80 ms),
and Svelte drawing every organisation of the region (hundreds at 50k) — as a search drew every collaboration of a hub
(thousands). The tables are now built once per dataset and level and shared with the map (\`regionTablesOf\`), and
long lists draw 100 entries with a "Show all" button. A 5k/50k run of 26ff2e6 (2 repetitions, machine flagged
degraded): **region click → graph highlighted 96 ms at 50k** (237 ms in the run of 76f77e3 the same day) and 23 ms at
5k (51); **search Enter → details heading 119 ms at 50k** (418) and 75 ms at 5k (110). What is left of the region
click at 50k is the graph's focus (the region's organisations and their neighbourhood) and the summary over the
region's collaborations, both run before the JIT has optimised them; the presented frame after it is a full reducer
pass in sigma (focus fades are reducer colours), 0.3 s of JS at 50k in the next frame — since f3460a8 no longer: above
10,000 organisations the focus fades through the state texels, and single-page probes at 50k (busiest regions, then
a hub) measured that refresh at 4–11 ms of JS against 160–390 ms before, the click itself unchanged (32–36 ms for a
second region click, 95–96 ms for the hub). A 5k/50k run of 0e016a5
(2 repetitions, flagged degraded) gave 45 ms (44–47) for the region click and 99 ms (97–102) for the search at 50k,
25 ms and 33 ms at 5k. On this session's machine (flagged degraded, WebGL 2.0–2.1× usual, load average 2.5), with the
click's and the search's code unchanged since then, the 5k/50k run of 07621af gave 108 and 123 ms at 50k, the full
run of 3579e38 128 ms (77–136) and 152 ms (146–159), the run of d5267ce 121 ms (104–136) and 155 ms (142–212), and
the run in the table above (more degraded: WebGL 3.1× usual) 111 ms (100–115) and 174 ms (135–195): the spread
between sessions is the machine's.
`,
  },
  {
    id: 'gexf-50k',
    when: (_get, datasets) => datasets.includes('50k'),
    text: `
**A 50k/250k GEXF file (108 MB, with positions) through the Import dialog: ready after 8.5–10.6 s (was 15–19 s), 124–135
MB of JS heap after GC** (issue #10 asks for under 12 s and 500 MB; Gephi Lite took about 61 s and 1.5 GB). Measured on
2026-12-07 (four runs; 9.9–11.2 s on 2026-12-06) with \`npx tsx scripts/gexf-browser-timing.ts --dir <dir> [--dist <build>]\` (the file is written
by \`scripts/gexf-import-timing.ts\`), not by this bench. A profile of the import on the page (the same script's flow
under CDP) found 4.5 s of one task in \`projectToJson\`, the text kept in IndexedDB, before the report showed, and 1.5 s
deserialising the worker's record objects: the worker now writes that text, and only when the page asks once its views
are built and it is idle (de40017, d5267ce: written alongside them, it took CPU from the views' build), and sends the
records as columns the page rebuilds (fb4999f, 0.7 s). The file goes to the worker as a Blob, read there. What is left is the worker's import (about 7 s:
\`xml-scan.ts\` streams tags to the GEXF reader, no tree) and ~2 s building the views. The 8–13 s first render in
software WebGL seen on 2026-11-23 did not recur in these runs' profiles.
`,
  },
  {
    id: 'load-project-text-50k',
    when: (_get, datasets) => datasets.includes('50k'),
    text: `
**Loading a large dataset lost ~200–500 ms to the project text (de40017 to 26519d7; fixed in d5267ce).** From
de40017 the import worker wrote every dataset's project text (what the browser keeps of an import) right after sending
the result, also for a dataset opened by link, which is never stored. On two cores it ran beside the views' build: a
full run of 26519d7 gave data-parsed → graph built 1126 ms at 20k and 2249 ms at 50k (789 and 1811 ms at 3579e38).
The text is now written only for an import the browser keeps, and only when the page asks, once idle. Alternating
single-page probes at 50k (three pages each): graph built 2219–3001 ms after data-parsed with 26519d7, 1544–1936 ms
with d5267ce; the full run of d5267ce gave 2080 ms (1808–2429), this run (43a29b6) 1935 ms (1852–2216).
`,
  },
  {
    id: 'positions-50k',
    when: (_get, datasets) => datasets.includes('50k'),
    text: `
**After the layout at 50k the graph took some 20 minutes to settle (fixed in a5e0eb0).** New positions are re-added
through the binding's time-sliced partial refresh, 8 ms of sigma work a frame; at 50k/250k that is ~550 frames for
280k keys, and in software WebGL every one of them draws the whole graph. A single-page probe after \`atlas:layout-done\`
counted 11,500 nodes and as many edges re-added in 42 s (about 250 keys a second): the picture, half old and half new
positions, would have taken ~19 minutes to settle. No bench row saw it: the untimed window jump before the timed
steps flushes whatever refresh is pending, all at once. Now a frame takes at least a tenth of the keys (\`POSITION_FRAMES\` in
\`sigma-binding.ts\`): every node and edge was re-added 51 s after the layout finished, in 10 frames whose longest
took 54–135 ms (the frames themselves took ~5 s each to present). A browser test with slow reducers holds it to ten
frames (16 before).
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
