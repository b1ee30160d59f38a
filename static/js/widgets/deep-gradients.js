// deep-gradients: a small network trained on the server, streamed step by step: the gradient
// norm of every layer over time (vanishing and exploding made visible), the loss, and the
// decision boundary. Training can be stopped at any moment. The server writes the training call
// for the controls' state; this module streams it when Train is pressed, and draws.

import { colour, themeColours } from './theme.js';
import * as charts from './charts.js';
import { num } from './format.js';
import { busyText } from './net.js';

const $ = (w, css) => w.figure.querySelector(css);

/** A new state (or a new training) starts from an empty picture. */
function reset(w) {
  stop(w);
  Object.assign(w.local, { steps: [], norms: [], clipped: 0, data: null, grid: null, ended: false });
  $(w, '[data-progress]').value = 0;
}

async function plot(w) {
  if (!w.local.bound) {
    $(w, '[data-action="train"]').addEventListener('click', () => train(w));
    $(w, '[data-action="stop"]').addEventListener('click', () => stop(w, 'Stopped.'));
    w.local.bound = true;
  }
  const key = JSON.stringify(w.requests.train);
  if (w.local.trainFor !== key) {
    w.local.trainFor = key;
    reset(w);
  }
  redraw(w);
}

async function train(w) {
  // a control just changed: train the network it asks for
  await w.settled();
  reset(w);
  running(w, true);
  w.setSummary('Training…');
  w.local.source = w.stream('train', {
    onEvent: (name, data) => {
      if (name === 'frame') frame(w, JSON.parse(data));
      if (name === 'done') {
        stop(w);
        w.local.ended = true;
        w.setSummary(summary(w));
        w.figure.dispatchEvent(new CustomEvent('downhill:run-ended'));
        return true;
      }
      if (name === 'error') { stop(w, `The training stopped: ${JSON.parse(data).detail}`); return true; }
      return false;
    },
    onBusy: (seconds) => w.setSummary(busyText(seconds)),
    onConnected: () => w.setSummary('Training…'),
    onFailed: (message) => stop(w, `The training could not start: ${message}`),
  });
}

function stop(w, message) {
  w.local.source?.close();
  w.local.source = null;
  running(w, false);
  if (message) w.setSummary(message);
}

function running(w, on) {
  $(w, '[data-action="stop"]').hidden = !on;
  $(w, '[data-action="train"] .label').textContent = on ? 'Restart' : 'Train';
  w.figure.classList.toggle('is-playing', on);
}

function frame(w, f) {
  const t = w.local;
  if (f.data) t.data = f.data;
  for (const s of f.steps) {
    t.steps.push(s);
    t.norms.push(s.grad_norms.map((g) => Math.log10(Math.max(g, 1e-30))));
    if (s.clipped) t.clipped++;
  }
  if (f.grid) t.grid = f.grid;
  const last = t.steps[t.steps.length - 1];
  $(w, '[data-progress]').value = last.t / w.requests.train.query.spec.max_steps;
  const set = (name, text) => { $(w, `[data-readout="${name}"]`).textContent = text; };
  set('t', String(last.t));
  set('loss', num(last.loss, 3));
  set('accuracy', `${Math.round(last.accuracy * 100)}%`);
  const g = last.grad_norms;
  set('ratio', num(g[0] / Math.max(g[g.length - 1], 1e-300), 2));
  set('clipped', String(t.clipped));
  redraw(w);
}

function summary(w) {
  const last = w.local.steps?.[w.local.steps.length - 1];
  if (!last) return 'Press Train to start.';
  const g = last.grad_norms;
  return `After ${last.t} steps: loss ${num(last.loss, 3)}, accuracy ${Math.round(last.accuracy * 100)}%. `
    + `The first layer's gradient is ${num(g[0] / Math.max(g[g.length - 1], 1e-300), 2)} times the last layer's`
    + (w.local.clipped ? `; clipping fired on ${w.local.clipped} steps.` : '.');
}

/** Whether the picture is a finished training (before Train, nothing has ended). */
function done(w) {
  return w.local.ended;
}

function draw() {}

function redraw(w) {
  const Plotly = charts.plotly();
  const c = themeColours();
  const t = w.local;
  const layers = t.data?.layers ?? w.requests.train.query.spec.depth + 1;
  // layers down the side (input at the bottom), steps across: z[layer][step]
  const z = Array.from({ length: layers }, (_, l) => t.norms.map((row) => row[l]));
  Plotly.react($(w, '[data-chart="heat"]'), [{
    type: 'heatmap', z, x: t.steps.map((s) => s.t), y: Array.from({ length: layers }, (_, l) => l + 1),
    colorscale: 'Viridis', zmin: -8, zmax: 1, colorbar: { title: { text: 'log₁₀ ‖∇‖', side: 'right' }, thickness: 10 },
    hovertemplate: 'step %{x}, layer %{y}<br>log₁₀ ‖gradient‖ %{z:.2f}<extra></extra>',
  }], charts.layout({
    xaxis: { title: { text: 'step' } }, yaxis: { title: { text: 'layer (input first)' }, dtick: Math.max(1, Math.ceil(layers / 8)) },
  }), charts.config(`${w.id}-gradients`));
  const traces = [];
  if (t.grid && t.data) {
    const [xr, yr] = t.data.range;
    const n = t.data.grid;
    const axis = (r) => Array.from({ length: n }, (_, i) => r[0] + (i * (r[1] - r[0])) / (n - 1));
    traces.push({ type: 'contour', x: axis(xr), y: axis(yr), z: t.grid, zmin: 0, zmax: 1, showscale: false, hoverinfo: 'skip',
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
  Plotly.react($(w, '[data-chart="boundary"]'), traces, charts.layout({
    xaxis: { range: t.data?.range[0] }, yaxis: { range: t.data?.range[1] },
  }), charts.config(`${w.id}-boundary`));
  Plotly.react($(w, '[data-chart="loss"]'), [
    { ...charts.lossTrace('loss', colour('nesterov')), x: t.steps.map((s) => s.t), y: t.steps.map((s) => s.loss) },
    { type: 'scatter', mode: 'lines', name: 'accuracy', yaxis: 'y2', x: t.steps.map((s) => s.t), y: t.steps.map((s) => s.accuracy),
      line: { color: colour('adagrad'), width: 2 } },
  ], charts.layout({
    showlegend: true, margin: { l: 52, r: 52, t: 36, b: 40 },
    xaxis: { title: { text: 'step' }, range: [0, w.requests.train.query.spec.max_steps] },
    yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power' },
    yaxis2: { title: { text: 'accuracy' }, overlaying: 'y', side: 'right', range: [0, 1], showgrid: false, tickformat: '.0%' },
  }), charts.config(`${w.id}-loss`));
}

export default { charts: plot, draw, summary, done };
