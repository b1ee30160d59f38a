// The whole trajectory of a setting, drawn faintly before it plays: while a slider moves (the runs
// of the value under the thumb, fetched as it moves) and as soon as a run's steps are all in.
// Play then animates the path over it. Drawn on the chart a learner clicks to set the start (the
// path over the contour, or the visited points on a curve) and on the loss chart.

import * as charts from './charts.js';
import { fetchRunSteps } from './net.js';

const GHOST = 'ghost';

/** Draws `runs` (each a list of steps with params and loss) as the faint lines; [] clears them. */
export function drawGhost(figure, runs) {
  const path = figure.querySelector('[data-sets="start"]');
  const loss = figure.querySelector('[data-chart="loss"]');
  if (!path?.data || !loss?.data) return;
  // a 3D surface has no place for a flat line
  if (path.data[0]?.type === 'surface') return;
  const colours = runColours(loss, runs.length);
  paint(path, thin(path, runs.map(pathPoints)), colours);
  const log = loss._fullLayout?.yaxis?.type === 'log';
  paint(loss, thin(loss, runs.map((steps) => [steps.map((s) => s.t), steps.map((s) => lossPoint(s, log))])), colours);
}

/** Whether the figure's loss chart shows faint runs. */
export function hasGhost(figure) {
  return figure.querySelector('[data-chart="loss"]')?.data?.some((t) => t.meta === GHOST) ?? false;
}

/** Runs longer than this are drawn at the chart's resolution (thin). */
const LONG_RUN = 1000;

/**
 * Long runs' lines with only the points a pixel or more from the last one kept (and the last
 * point): the same lines on screen. Seven faint 3,000-step lines took Plotly half a second to draw.
 * The pixel is measured on the range the axes will have with these lines in it: a loss chart at
 * rest shows only step 0, so its own range was a few steps wide and nothing was thinned.
 */
function thin(el, lines) {
  const full = el._fullLayout;
  if (!lines.some(([xs]) => xs.length > LONG_RUN) || !full?.xaxis?._length || !full.yaxis?._length) return lines;
  const at = (v, log) => (v === null ? null : log ? (v > 0 ? Math.log10(v) : null) : v);
  const scale = (axis, values) => {
    const log = axis.type === 'log';
    let lo = Math.min(...axis.range);
    let hi = Math.max(...axis.range);
    if (axis.autorange) {
      for (const v of values) {
        const u = at(v, log);
        if (u !== null && Number.isFinite(u)) {
          lo = Math.min(lo, u);
          hi = Math.max(hi, u);
        }
      }
    }
    return { log, pixel: (hi - lo) / axis._length };
  };
  const sx = scale(full.xaxis, lines.flatMap(([xs]) => xs));
  const sy = scale(full.yaxis, lines.flatMap(([, ys]) => ys));
  return lines.map(([xs, ys]) => {
    if (xs.length <= LONG_RUN) return [xs, ys];
    const keptX = [];
    const keptY = [];
    let last = null;
    for (let i = 0; i < xs.length; i++) {
      const px = at(xs[i], sx.log);
      const py = at(ys[i], sy.log);
      const shown = px !== null && py !== null;
      // a gap (a point the axes cannot show) is kept, so the line still breaks there
      if (!shown || last === null || i === xs.length - 1
          || Math.abs(px - last[0]) >= sx.pixel || Math.abs(py - last[1]) >= sy.pixel) {
        keptX.push(xs[i]);
        keptY.push(ys[i]);
        last = shown ? [px, py] : null;
      }
    }
    return [keptX, keptY];
  });
}

/** The loss chart holds one line per run, in run order: each run's ghost takes its colour. */
function runColours(loss, n) {
  const lines = loss.data.filter((t) => t.meta !== GHOST && t.mode === 'lines');
  return Array.from({ length: n }, (_, i) => lines[i]?.line?.color ?? '#888');
}

function pathPoints(steps) {
  const twoD = steps[0]?.params?.length === 2;
  return [
    steps.map((s) => charts.finite(s.params[0])),
    steps.map((s) => charts.finite(twoD ? s.params[1] : s.loss)),
  ];
}

function lossPoint(s, log) {
  const v = charts.finite(s.loss);
  return log && !(v > 0) ? null : v;
}

/** Replaces the chart's ghost lines by `lines` ([xs, ys] each), in as few redraws as it can. */
function paint(el, lines, colours) {
  const Plotly = charts.plotly();
  const at = [];
  el.data.forEach((t, i) => { if (t.meta === GHOST) at.push(i); });
  if (at.length === lines.length && lines.length > 0) {
    Plotly.restyle(el, { x: lines.map((l) => l[0]), y: lines.map((l) => l[1]), 'line.color': colours }, at);
    return;
  }
  if (at.length) Plotly.deleteTraces(el, at);
  if (lines.length) Plotly.addTraces(el, lines.map((l, i) => trace(l, colours[i])));
}

function trace([x, y], colour) {
  return {
    type: 'scatter', mode: 'lines', x, y, meta: GHOST, showlegend: false, hoverinfo: 'skip',
    opacity: 0.35, line: { color: colour, width: 1.5 },
  };
}

/**
 * Fetches a state's runs whole, for the preview while a slider moves: the latest value wins, and
 * one request set is in flight at a time, so a fast drag costs a few runs, not one per pixel.
 */
export class Preview {
  /** @param {object} w the widget's runtime; `specsFor(name, value)` answers the runs' specs */
  constructor(w) {
    this.w = w;
    this.wanted = null;
    this.busy = false;
    /** The last preview drawn: its specs (as JSON) and their runs' steps. */
    this.last = null;
  }

  /** The slider `name` is at `value` (not yet let go). */
  show(name, value) {
    this.wanted = { name, value };
    if (!this.busy) this.#next();
  }

  /** Steps of these specs if the last preview fetched them, else null. */
  stepsOf(specs) {
    return this.last && this.last.key === JSON.stringify(specs) ? this.last.runs : null;
  }

  async #next() {
    const wanted = this.wanted;
    if (!wanted) return;
    this.wanted = null;
    this.busy = true;
    try {
      const specs = await this.w.specsFor(wanted.name, wanted.value);
      const total = specs.reduce((n, s) => n + (s.stop?.max_steps ?? 0), 0);
      // the server says how many steps a preview may fetch; a larger state draws once streamed
      if (specs.length && total <= this.w.config.preview_steps) {
        const runs = await Promise.all(specs.map((spec) => fetchRunSteps(this.w.api, spec, 'params,loss,rounded')));
        this.last = { key: JSON.stringify(specs), runs };
        // a newer value already asked for draws instead; a released slider redraws the charts itself
        if (!this.wanted && this.w.previewing) drawGhost(this.w.figure, runs);
      }
    } catch (error) {
      // a value the server refuses has no preview; letting go of the slider shows why
    } finally {
      this.busy = false;
      if (this.wanted) this.#next();
    }
  }
}
