// deep-gradients: a small network trained on the server, streamed step by step: the gradient
// norm of every layer over time (vanishing and exploding made visible), the loss, and the
// decision boundary. Training can be stopped at any moment. The server writes the training call
// for the controls' state; this module streams it when Train is pressed, and draws.
//
// The server trains a few hundred steps in well under a second, so the steps that arrive are
// queued and drawn over a few seconds: the learner sees the training form instead of a finished
// picture. The progress bar and the readouts follow what is drawn, not what has arrived.

import { colour, themeColours, themeKey } from './theme.js';
import * as charts from './charts.js';
import { num } from './format.js';
import { busyText } from './net.js';
import { awake } from './wake.js';

const $ = (w, css) => w.figure.querySelector(css);
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/** How long drawing a whole training takes: about 4 s for 300 steps, never under 2 s or over 8 s. */
const duration = (steps) => Math.min(8000, Math.max(2000, steps * 13));
/** The longest pause between two animation frames that still counts as time passing (a hidden tab stops them). */
const MAX_FRAME_MS = 100;

const maxSteps = (w) => w.requests.train.query.spec.max_steps;

/** A new state (or a new training) starts from an empty picture. */
function reset(w) {
  stop(w);
  // steps/norms: what arrived; shown: how many of them are drawn; grids: each boundary with the
  // number of steps that had arrived with it, so it is drawn when those steps are
  // heatDrawn/lossDrawn: how many steps the charts hold (-1: an earlier training's, emptied when drawing next)
  // budget: steps owed to the drawing; the first is owed at once, so it shows in the first frame
  // after it arrives (not a step's share of the pace, ~30 ms, later)
  Object.assign(w.local, { steps: [], norms: [], shown: 0, heatDrawn: -1, lossDrawn: -1, budget: 1, grids: [], data: null, finished: false, ended: false });
  progress(w, 0);
}

/** The bar and its words: "step k of n", k the last step drawn. */
function progress(w, k) {
  const n = maxSteps(w);
  const bar = $(w, '[data-progress]');
  bar.value = n ? k / n : 0;
  const words = `step ${k} of ${n}`;
  bar.setAttribute('aria-valuetext', words);
  const text = $(w, '[data-progress-text]');
  if (text) text.textContent = words;
}

async function plot(w) {
  if (!w.local.bound) {
    $(w, '[data-action="train"]').addEventListener('click', () => train(w));
    $(w, '[data-action="stop"]').addEventListener('click', () => { w.local.presses++; stop(w, 'Stopped.'); });
    w.local.bound = true;
    w.local.presses = 0;
  }
  const key = JSON.stringify(w.requests.train);
  if (w.local.trainFor !== key) {
    const before = w.local.trainFor;
    w.local.trainFor = key;
    reset(w);
    if (before !== undefined) {
      // a new state's charts are emptied in the next frame: a Train pressed with the change waits
      // for this set-up, and so opens its stream that much sooner
      cancelAnimationFrame(w.local.emptyFrame ?? 0);
      w.local.emptyFrame = requestAnimationFrame(() => {
        w.local.emptyFrame = 0;
        if (w.local.steps.length === 0) redraw(w);
      });
      fetchFirstStep(w);
      return;
    }
  }
  redraw(w);
  fetchFirstStep(w);
}

/**
 * The first step of this state's training (with the points and the boundary after it), fetched by
 * the call the server wrote as `first` once the widget is in view: a one-step training costs the
 * server next to nothing, and Train then draws it at once and streams the rest from step 2,
 * instead of waiting a round trip and a step's work before anything moves. `ready` settles with
 * that frame, or null when the server could not answer (Train then streams the whole training).
 */
function fetchFirstStep(w) {
  const key = w.local.trainFor;
  if (w.local.first?.key === key) return;
  w.local.first?.controller.abort();
  const controller = new AbortController();
  const url = w.address('first');
  const ready = awake(w.figure).then(async () => {
    const response = await fetch(url, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    if (!response.ok) return null;
    const event = (await response.text()).split('\n\n').map((block) => block.split('\n')).find((lines) => lines.includes('event: frame'));
    const data = event?.find((line) => line.startsWith('data:'));
    return data ? JSON.parse(data.slice(5)) : null;
  }).catch(() => null);
  w.local.first = { key, controller, ready };
}

async function train(w) {
  const ticket = ++w.local.presses;
  // a control just changed: train the network it asks for
  await w.settled();
  reset(w);
  running(w, true);
  w.setSummary('Training…');
  const key = w.local.trainFor;
  // a press right after a change finds this state's first step on its way: waiting for it is no
  // longer than waiting for the same step from the whole training's stream
  const first = w.local.first?.key === key ? await w.local.first.ready : null;
  // Train or Stop pressed again meanwhile, or the state changed: that press decides
  if (ticket !== w.local.presses || key !== w.local.trainFor) return;
  if (!first) {
    openStream(w, {});
    return;
  }
  // the first step is drawn at once (in the press's own task when it was fetched before), and the
  // rest streams from the next frame on: its arrival and parsing then do not share the main
  // thread with that first drawing
  frame(w, first, true);
  w.local.opening = requestAnimationFrame(() => {
    w.local.opening = 0;
    openStream(w, { from: 1 });
  });
}

/** Streams the training (`more`: from a step already drawn) into the drawing's queue. */
function openStream(w, more) {
  w.local.source = w.stream('train', {
    onEvent: (name, data) => {
      if (name === 'frame') frame(w, JSON.parse(data));
      if (name === 'done') {
        // the stream is over; the training ends when its last step is drawn
        closeStream(w);
        w.local.finished = true;
        animate(w);
        return true;
      }
      if (name === 'error') { stop(w, `The training stopped: ${JSON.parse(data).detail}`); return true; }
      return false;
    },
    onBusy: (seconds) => w.setSummary(busyText(seconds)),
    onConnected: () => w.setSummary('Training…'),
    onFailed: (message) => stop(w, `The training could not start: ${message}`),
  }, more);
}

function closeStream(w) {
  cancelAnimationFrame(w.local.opening ?? 0);
  w.local.opening = 0;
  w.local.source?.close();
  w.local.source = null;
}

/** Stops the stream and the drawing where it is. */
function stop(w, message) {
  closeStream(w);
  cancelAnimationFrame(w.local.frame ?? 0);
  w.local.frame = 0;
  running(w, false);
  if (message) w.setSummary(message);
}

function finish(w) {
  stop(w);
  w.local.ended = true;
  w.setSummary(summary(w));
  w.figure.dispatchEvent(new CustomEvent('downhill:run-ended'));
}

function running(w, on) {
  $(w, '[data-action="stop"]').hidden = !on;
  $(w, '[data-action="train"] .label').textContent = on ? 'Restart' : 'Train';
  w.figure.classList.toggle('is-playing', on);
}

function frame(w, f, atOnce = false) {
  const t = w.local;
  if (f.data) t.data = f.data;
  for (const s of f.steps) {
    t.steps.push(s);
    t.norms.push(s.grad_norms.map((g) => Math.log10(Math.max(g, 1e-30))));
  }
  if (f.grid) t.grids.push({ at: t.steps.length, grid: f.grid });
  animate(w, atOnce);
}

/** Draws the queued steps a few per animation frame, at a pace that fills duration(); `atOnce`: the first of them now. */
function animate(w, atOnce = false) {
  const t = w.local;
  if (t.frame) return;
  let last = performance.now();
  const tick = (now) => {
    t.frame = 0;
    if (reducedMotion.matches) {
      t.shown = t.steps.length;
    } else {
      t.budget += (Math.min(MAX_FRAME_MS, now - last) * maxSteps(w)) / duration(maxSteps(w));
      last = now;
      const more = Math.min(Math.floor(t.budget), t.steps.length - t.shown);
      t.shown += more;
      t.budget -= more;
    }
    if (t.shown > 0) show(w);
    if (t.shown < t.steps.length) {
      t.frame = requestAnimationFrame(tick);
    } else if (t.finished) {
      finish(w);
    } else {
      // waiting for steps: the pace does not bank time meanwhile
      t.budget = Math.min(t.budget, 1);
    }
  };
  if (atOnce) tick(last);
  else t.frame = requestAnimationFrame(tick);
}

/** The readouts, the bar and the charts at the last step drawn. */
function show(w) {
  const t = w.local;
  const last = t.steps[t.shown - 1];
  progress(w, last.t);
  const set = (name, text) => { $(w, `[data-readout="${name}"]`).textContent = text; };
  set('t', String(last.t));
  set('loss', num(last.loss, 3));
  set('accuracy', `${Math.round(last.accuracy * 100)}%`);
  const g = last.grad_norms;
  set('ratio', num(g[0] / Math.max(g[g.length - 1], 1e-300), 2));
  set('clipped', String(clipped(t)));
  redraw(w);
}

/** Steps drawn so far on which clipping fired. */
function clipped(t) {
  let n = 0;
  for (let i = 0; i < t.shown; i++) if (t.steps[i].clipped) n++;
  return n;
}

/** The latest boundary among those that arrived with the steps drawn. */
function grid(t) {
  let found = null;
  for (const g of t.grids) if (g.at <= t.shown) found = g.grid;
  return found;
}

function summary(w) {
  const last = w.local.steps?.[w.local.shown - 1];
  if (!last) return 'Press Train to start.';
  const g = last.grad_norms;
  const n = clipped(w.local);
  return `After ${last.t} steps: loss ${num(last.loss, 3)}, accuracy ${Math.round(last.accuracy * 100)}%. `
    + `The first layer's gradient is ${num(g[0] / Math.max(g[g.length - 1], 1e-300), 2)} times the last layer's`
    + (n ? `; clipping fired on ${n} steps.` : '.');
}

/** Whether the picture is a finished training (before Train, nothing has ended). */
function done(w) {
  return w.local.ended;
}

function draw() {}

/** How many layers the heat map has rows for. */
const layerCount = (w) => w.local.data?.layers ?? w.requests.train.query.spec.depth + 1;

/**
 * The charts at the steps drawn. A chart is drawn whole only when its frame changed (the number of
 * steps, of layers, the theme): a new state or a new training empties it in place, and each frame
 * adds only its new steps. The loss chart changes at once (the readouts name its last step), the
 * gradient map and a new boundary in the next frame, so the first steps of a training show after
 * one chart's redraw, not three.
 */
function redraw(w) {
  const t = w.local;
  const theme = themeKey();
  const lossFor = `${maxSteps(w)}:${theme}`;
  const mapsFor = `${maxSteps(w)}:${layerCount(w)}:${theme}`;
  if (t.lossFor !== lossFor) {
    t.lossFor = lossFor;
    wholeLoss(w);
  } else {
    growLoss(w);
  }
  if (t.mapsFor !== mapsFor) {
    const first = t.mapsFor === undefined;
    t.mapsFor = mapsFor;
    t.mapsWhole = true;
    if (first) {
      wholeMaps(w);
      return;
    }
  }
  mapsNextFrame(w);
}

/** The gradient map and the boundary in the next frame: whole when the state changed, else grown. */
function mapsNextFrame(w) {
  const t = w.local;
  t.nextFrame ||= requestAnimationFrame(() => {
    t.nextFrame = 0;
    if (t.mapsWhole) {
      wholeMaps(w);
    } else {
      growHeat(w);
      boundaryIfChanged(w, false);
    }
  });
}

function boundaryIfChanged(w, full) {
  const t = w.local;
  const boundary = grid(t);
  if (full || t.boundaryFor?.grid !== boundary || t.boundaryFor?.data !== t.data) {
    t.boundaryFor = { grid: boundary, data: t.data };
    drawBoundary(w, boundary, themeColours());
  }
}

/** Adds the steps shown since its last frame to the gradient map; a new training first empties it. */
function growHeat(w) {
  const t = w.local;
  const el = $(w, '[data-chart="heat"]');
  const heat = el.data[0];
  if (t.heatDrawn < 0) {
    heat.x = [];
    heat.z = heat.z.map(() => []);
    t.heatDrawn = 0;
  }
  for (let i = t.heatDrawn; i < t.shown; i++) {
    heat.x.push(t.steps[i].t);
    t.norms[i].forEach((v, layer) => heat.z[layer].push(v));
  }
  t.heatDrawn = t.shown;
  charts.redrawInTurn(el);
}

/** Adds the steps shown since the last frame to the loss and accuracy curves, emptied first for a new training. */
function growLoss(w) {
  const t = w.local;
  const loss = charts.changes($(w, '[data-chart="loss"]'));
  if (t.lossDrawn < 0) {
    loss.clear([0, 1]);
    t.lossDrawn = 0;
  }
  const steps = t.steps.slice(t.lossDrawn, t.shown);
  const ts = steps.map((s) => s.t);
  loss.extend(0, ts, steps.map((s) => s.loss));
  loss.extend(1, ts, steps.map((s) => s.accuracy));
  t.lossDrawn = t.shown;
  loss.draw();
}

function wholeMaps(w) {
  const t = w.local;
  t.mapsWhole = false;
  t.heatDrawn = t.shown;
  const steps = t.steps.slice(0, t.shown);
  const norms = t.norms.slice(0, t.shown);
  const n = maxSteps(w);
  const layers = layerCount(w);
  // layers down the side (input at the bottom), steps across: z[layer][step]
  const z = Array.from({ length: layers }, (_, l) => norms.map((row) => row[l]));
  charts.plotly().react($(w, '[data-chart="heat"]'), [{
    type: 'heatmap', z, x: steps.map((s) => s.t), y: Array.from({ length: layers }, (_, l) => l + 1),
    colorscale: 'Viridis', zmin: -8, zmax: 1, colorbar: { title: { text: 'log₁₀ ‖∇‖', side: 'right' }, thickness: 10 },
    hovertemplate: 'step %{x}, layer %{y}<br>log₁₀ ‖gradient‖ %{z:.2f}<extra></extra>',
  }], charts.layout({
    // the whole training's width from the start, so the picture fills in from the left
    xaxis: { title: { text: 'step' }, range: [0.5, n + 0.5] },
    yaxis: { title: { text: 'layer (input first)' }, dtick: Math.max(1, Math.ceil(layers / 8)) },
  }), charts.config(`${w.id}-gradients`));
  boundaryIfChanged(w, true);
}

function wholeLoss(w) {
  const t = w.local;
  t.lossDrawn = t.shown;
  const steps = t.steps.slice(0, t.shown);
  charts.plotly().react($(w, '[data-chart="loss"]'), [
    { ...charts.lossTrace('loss', colour('nesterov')), x: steps.map((s) => s.t), y: steps.map((s) => s.loss) },
    { type: 'scatter', mode: 'lines', name: 'accuracy', yaxis: 'y2', x: steps.map((s) => s.t), y: steps.map((s) => s.accuracy),
      line: { color: colour('adagrad'), width: 2 } },
  ], charts.layout({
    showlegend: true, margin: { l: 52, r: 52, t: 36, b: 40 },
    xaxis: { title: { text: 'step' }, range: [0, maxSteps(w)] },
    yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power' },
    yaxis2: { title: { text: 'accuracy' }, overlaying: 'y', side: 'right', range: [0, 1], showgrid: false, tickformat: '.0%' },
  }), charts.config(`${w.id}-loss`));
}

function drawBoundary(w, boundary, c) {
  const t = w.local;
  const traces = [];
  if (boundary && t.data) {
    const [xr, yr] = t.data.range;
    const n = t.data.grid;
    const axis = (r) => Array.from({ length: n }, (_, i) => r[0] + (i * (r[1] - r[0])) / (n - 1));
    traces.push({ type: 'contour', x: axis(xr), y: axis(yr), z: boundary, zmin: 0, zmax: 1, showscale: false, hoverinfo: 'skip',
      contours: { start: 0.5, end: 0.5, size: 1, coloring: 'heatmap' }, opacity: 0.35,
      colorscale: [[0, colour('sgd')], [1, colour('momentum')]], line: { width: 2.5, color: c.fg } });
  }
  if (t.data) {
    for (const label of [0, 1]) {
      const pts = t.data.points.filter((p) => p[2] === label);
      traces.push({ type: 'scatter', mode: 'markers', x: pts.map((p) => p[0]), y: pts.map((p) => p[1]), hoverinfo: 'skip',
        marker: { size: 5, color: colour(label ? 'momentum' : 'sgd'), line: { width: 0.5, color: c.bg } } });
    }
  }
  charts.plotly().react($(w, '[data-chart="boundary"]'), traces, charts.layout({
    xaxis: { range: t.data?.range[0] }, yaxis: { range: t.data?.range[1] },
  }), charts.config(`${w.id}-boundary`));
}

export default { charts: plot, draw, summary, done };
