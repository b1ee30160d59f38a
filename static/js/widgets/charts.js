// Plotly figures in the site's style: transparent paper, theme colours, system font, log loss axis.

import { themeColours, bodyFont } from './theme.js';
import { toNumber } from './format.js';
import { fetchJson } from './net.js';
import { engines } from './plotly-engines.js';
import { pattern } from './theme.js';

/** Plotly's API; 3D traces load their bundle on first use, see plotly-engines.js. */
export const plotly = () => engines;

// No mode bar: it covered the start marker on phones and added a dozen Tab stops per widget; the
// widget footer has its own PNG download. Charts follow their box (plotly-engines.js).
export function config(filename) {
  return {
    responsive: false,
    displayModeBar: false,
    displaylogo: false,
    scrollZoom: false,
    toImageButtonOptions: { filename, scale: 2 },
  };
}

export function layout(extra = {}) {
  const c = themeColours();
  const axis = { gridcolor: c.border, zerolinecolor: c.border, linecolor: c.border, tickfont: { color: c.faint, size: 11 }, titlefont: { color: c.soft, size: 12 }, automargin: true };
  return {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: bodyFont(), color: c.fg, size: 12 },
    margin: { l: 48, r: 12, t: 12, b: 40 },
    showlegend: false,
    // above the plot area, growing upwards into the margin Plotly widens for it: a legend inside
    // the plot covered the first iterations of every run
    legend: {
      orientation: 'h', xref: 'container', x: 0.01, xanchor: 'left', y: 1.02, yanchor: 'bottom',
      itemwidth: 30, font: { size: 11 }, bgcolor: 'rgba(0,0,0,0)',
    },
    hoverlabel: { font: { family: 'inherit' } },
    ...extra,
    xaxis: { ...axis, ...(extra.xaxis ?? {}) },
    yaxis: { ...axis, ...(extra.yaxis ?? {}) },
  };
}

/** Re-colours a chart after the theme changed, keeping its data and axes. */
export function retheme(el) {
  if (!el?.data) return;
  const fresh = layout();
  plotly().relayout(el, {
    'font.color': fresh.font.color,
    'xaxis.gridcolor': fresh.xaxis.gridcolor, 'yaxis.gridcolor': fresh.yaxis.gridcolor,
    'xaxis.zerolinecolor': fresh.xaxis.zerolinecolor, 'yaxis.zerolinecolor': fresh.yaxis.zerolinecolor,
    'xaxis.tickfont.color': fresh.xaxis.tickfont.color, 'yaxis.tickfont.color': fresh.yaxis.tickfont.color,
  });
}

export async function landscape(api, problem, n, seed = 0) {
  const url = `${api}/landscape?problem=${encodeURIComponent(JSON.stringify(problem))}&n=${n}&seed=${seed}`;
  return fetchJson(url);
}

/** Contour levels on log(1 + f - min) so that both the steep walls and the valley floor show. */
export function contourTrace(land) {
  let min = Infinity;
  for (const row of land.z) for (const v of row) if (v < min) min = v;
  const z = land.z.map((row) => row.map((v) => Math.log10(1 + v - min)));
  const dark = document.documentElement.dataset.theme === 'dark';
  return {
    type: 'contour',
    x: land.x, y: land.y, z,
    customdata: land.z,
    hovertemplate: 'x %{x:.3f}, y %{y:.3f}<br>f %{customdata:.4g}<extra></extra>',
    colorscale: dark
      ? [[0, '#0f2a3f'], [0.5, '#1d3b52'], [1, '#3a4a5a']]
      : [[0, '#dcecf8'], [0.5, '#eef4f9'], [1, '#fbf7f0']],
    contours: { coloring: 'fill', showlines: true },
    line: { color: dark ? 'rgba(255,255,255,0.16)' : 'rgba(0,40,80,0.18)', width: 1 },
    ncontours: 22,
    showscale: false,
  };
}

export function minimaTrace(land) {
  const minima = land.minima ?? [];
  return {
    type: 'scatter', mode: 'markers', name: 'minimum',
    x: minima.map((m) => m[0]), y: minima.map((m) => m[1]),
    marker: { symbol: 'star', size: 12, color: themeColours().fg, line: { width: 1, color: themeColours().bg } },
    hovertemplate: 'minimum (%{x:.3g}, %{y:.3g})<extra></extra>',
  };
}

/**
 * Runs longer than LONG_RUN steps show MARKERS_ON_LONG_RUNS of their step markers, not all. Plotly
 * styles every shown marker one by one on each redraw: a race of seven runs with 150 markers each
 * spent ~38 ms of a ~68 ms frame on them, and a 2,000-step run's redraw grew with every step drawn
 * (33 ms at the start, 110 ms by step 420); 40 still show each run's symbol along its whole path.
 */
const LONG_RUN = 400;
const MARKERS_ON_LONG_RUNS = 40;

/** The `markers` style of pathTrace for the runs of `specs`: 0 shows every step's. */
export function markersFor(specs) {
  const steps = Math.max(0, ...specs.map((spec) => spec.stop?.max_steps ?? 0));
  return steps > LONG_RUN ? MARKERS_ON_LONG_RUNS : 0;
}

/**
 * A run's path: its colour's line pattern and marker (theme.js pattern) tell runs apart without
 * colour; `style` may set { dash, width } (a later run drawn thinner, so it hides less) and
 * { markers: how many of its steps' markers at most, spread along it; 0 for all }.
 */
export function pathTrace(name, colour, style = {}) {
  const own = typeof style === 'string' ? { dash: style } : style;
  const p = pattern(colour);
  return {
    type: 'scatter', mode: 'lines+markers', name,
    x: [], y: [],
    line: { color: colour, width: own.width ?? 2.2, dash: own.dash ?? p.dash },
    marker: { color: colour, size: Math.max(2.5, (own.width ?? 2.2) * 1.6), symbol: p.symbol, maxdisplayed: own.markers ?? 0 },
    hovertemplate: `${name}<br>(%{x:.3f}, %{y:.3f})<extra></extra>`,
  };
}

/** Where a run is now: a dot on its path; `colour` may be one per point, for several runs' heads in one trace. */
export function headTrace(colour) {
  return {
    type: 'scatter', mode: 'markers', showlegend: false, hoverinfo: 'skip',
    x: [], y: [],
    marker: { color: colour, size: 12, line: { width: 2, color: themeColours().bg } },
  };
}

/** A run's loss curve; `style` may set { dash, width } (paths.js gives each optimizer its pattern). */
export function lossTrace(name, colour, style = {}) {
  return {
    type: 'scatter', mode: 'lines', name,
    x: [], y: [],
    line: { color: colour, width: style.width ?? 2, dash: style.dash ?? 'solid' },
    hovertemplate: `${name}<br>step %{x}<br>loss %{y:.4g}<extra></extra>`,
  };
}

/**
 * Loss on a log axis unless a loss is negative: a run that reaches exactly 0 keeps the log axis
 * (drawn at the floor, see lossOnLog), so the ranking the lesson states stays visible.
 */
export function lossAxisType(values) {
  return values.some((v) => v < 0) || !values.some((v) => v > 0) ? 'linear' : 'log';
}

const scales = new WeakMap();

/**
 * The loss axis for the runs' steps received so far ({type, floor}: floor is the smallest positive
 * loss, where a loss of 0 is drawn on a log axis). Read once per new step, not once per frame.
 */
export function lossScale(runs) {
  const count = runs.reduce((n, run) => n + run.steps.length, 0);
  const known = scales.get(runs);
  if (known && known.count === count) return known;
  const values = runs.flatMap((run) => run.steps.map((s) => toNumber(s.loss)));
  const positive = values.filter((v) => v > 0);
  const scale = {
    count,
    type: lossAxisType(values),
    floor: positive.length ? positive.reduce((m, v) => (v < m ? v : m)) : Number.MIN_VALUE,
  };
  scales.set(runs, scale);
  return scale;
}

/**
 * Switches a loss chart's y axis to `type` when it differs, in the redraw that `curves` (the chart's
 * changes) is about to make: a relayout of its own cost a whole redraw more, ~50 ms in the frame of
 * a run's first step. A linear axis drops the decade dtick log-ticks.js gave the log one at once,
 * not at that redraw: the chart may wait its turn, and any relayout meanwhile (its key's room, its
 * ticks) would draw one tick per unit of loss, millions of them.
 */
export function setLossAxis(el, type, curves) {
  const axis = el.layout.yaxis;
  if (axis.type === type) return;
  axis.type = type;
  if (type !== 'log') {
    delete axis.dtick;
    axis.tickmode = 'auto';
  }
  curves.touch();
}

/** A loss as a log axis can show it: exactly 0 sits on the floor instead of vanishing. */
export function lossOnLog(loss, floor) {
  const v = finite(loss);
  return v === 0 ? floor : v;
}

/** Charts changed in a frame in which another chart was already redrawn: redrawn in the next one. */
const waiting = new Set();
let redrawnThisFrame = false;
let nextFrame = 0;

/**
 * Redraws `el` now, unless another chart was redrawn in this frame: then in a later one, in turn.
 * A playing widget changes two or three charts per frame, and each Plotly redraw costs 15–60 ms, so
 * the first new step showed only after all of them; one redraw per frame shows it after one and
 * keeps each frame's work short on a slow phone.
 */
export function redrawInTurn(el) {
  if (redrawnThisFrame) {
    waiting.add(el);
  } else {
    redrawnThisFrame = true;
    waiting.delete(el);
    plotly().redraw(el);
  }
  nextFrame ||= requestAnimationFrame(startOfFrame);
}

/**
 * A new frame: the chart that has waited longest is redrawn first, and the others wait on; charts
 * changed in every frame of an animation so take turns, each redrawn every second (or third) frame.
 */
function startOfFrame() {
  nextFrame = 0;
  redrawnThisFrame = false;
  for (const chart of waiting) {
    waiting.delete(chart);
    // a chart taken off the page meanwhile needs nothing more
    if (chart.isConnected && chart._fullLayout) {
      redrawnThisFrame = true;
      plotly().redraw(chart);
      break;
    }
  }
  if (redrawnThisFrame || waiting.size) nextFrame = requestAnimationFrame(startOfFrame);
}

/**
 * One frame's changes to a chart's traces, drawn by one redraw when `draw()` is called. Plotly
 * redraws the whole chart on every call, so a frame that extended a path, moved its head and
 * cleared another run in separate calls paid for three redraws. Charts take turns: see redrawInTurn.
 */
export function changes(el) {
  let dirty = false;
  return {
    /** Empties the traces at `indices`. */
    clear(indices) {
      for (const i of indices) {
        const trace = el.data[i];
        trace.x = [];
        trace.y = [];
        if (trace.z) trace.z = [];
      }
      dirty = true;
    },
    /** Appends points to the trace at `i` (z too for a 3D path). */
    extend(i, xs, ys, zs) {
      if (!xs.length) return;
      const trace = el.data[i];
      for (let k = 0; k < xs.length; k++) {
        trace.x.push(xs[k]);
        trace.y.push(ys[k]);
        if (zs) trace.z.push(zs[k]);
      }
      dirty = true;
    },
    /** Replaces the points of the trace at `i` (a head, a tangent line). */
    set(i, xs, ys) {
      const same = (a, b) => a?.length === b.length && b.every((v, k) => a[k] === v);
      if (same(el.data[i].x, xs) && same(el.data[i].y, ys)) return;
      el.data[i].x = xs;
      el.data[i].y = ys;
      dirty = true;
    },
    /** Marks the chart for a change made to its layout in place (a shape moved). */
    touch() {
      dirty = true;
    },
    draw() {
      if (dirty) redrawInTurn(el);
      dirty = false;
    },
  };
}

/** Steps from index `from` (exclusive) to `to` (inclusive) as x/y arrays for extendTraces. */
export function slice(steps, from, to, pick) {
  const xs = [];
  const ys = [];
  for (let t = from + 1; t <= Math.min(to, steps.length - 1); t++) {
    const [x, y] = pick(steps[t]);
    xs.push(x);
    ys.push(y);
  }
  return [xs, ys];
}

export const finite = (v) => {
  const n = toNumber(v);
  return Number.isFinite(n) ? n : null;
};

/** The colours of the maps (contour and 3D surface alike), as the contour map of this theme has them. */
export function mapColourscale() {
  return contourTrace({ x: [], y: [], z: [[0]] }).colorscale;
}
