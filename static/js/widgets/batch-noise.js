// batch-noise: full batch, one sample and a mini-batch on the same data; the fit, the loss, and
// the cloud of real mini-batch gradients around the full gradient. The server writes the runs,
// the data call and the cloud call; this module draws them.

import { colour, themeColours, SERIES } from './theme.js';
import * as charts from './charts.js';
import { Board } from './board.js';
import { num, toNumber } from './format.js';

const $ = (w, css) => w.figure.querySelector(css);
const logistic = (w) => w.specs[0].problem.name === 'logistic-regression';
/** Each run's batch size; the first run's is the whole data set. */
const sizes = (w) => w.specs.map((spec) => spec.problem.batch_size);

function labels(w) {
  return ['Full batch', 'One sample (SGD)', `Mini-batch B = ${sizes(w)[2]}`];
}

function range(values) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.08 || 1;
  return [lo - pad, hi + pad];
}

async function plot(w) {
  const Plotly = charts.plotly();
  const c = themeColours();
  w.local.data = w.local.data ?? await w.ask('data');
  const names = labels(w);
  const cols = SERIES.slice(0, 3).map(colour);
  const pts = w.local.data.points;
  let dataTraces;
  if (logistic(w)) {
    dataTraces = [0, 1].map((label) => ({
      type: 'scatter', mode: 'markers', name: `class ${label}`, hoverinfo: 'skip',
      x: pts.filter((p) => p.y === label).map((p) => p.x[0]), y: pts.filter((p) => p.y === label).map((p) => p.x[1]),
      marker: { size: 6, symbol: label ? 'circle' : 'x', color: label ? c.soft : c.faint },
    }));
  } else {
    dataTraces = [{ type: 'scatter', mode: 'markers', name: 'data', hoverinfo: 'skip',
      x: pts.map((p) => p.x[0]), y: pts.map((p) => p.y), marker: { size: 5, color: c.faint } }];
  }
  w.local.xRange = range(pts.map((p) => p.x[0]));
  w.local.yRange = range(logistic(w) ? pts.map((p) => p.x[1]) : pts.map((p) => p.y));
  await Plotly.react($(w, '[data-chart="fit"]'), [
    ...dataTraces,
    ...names.map((name, i) => ({ type: 'scatter', mode: 'lines', name, x: [], y: [], line: { color: cols[i], width: 2.5 }, hoverinfo: 'skip' })),
  ], charts.layout({
    xaxis: { range: w.local.xRange, title: { text: logistic(w) ? 'x₁' : 'x' } },
    yaxis: { range: w.local.yRange, title: { text: logistic(w) ? 'x₂' : 'y' } },
  }), charts.config(`${w.id}-fit`));
  const gx = logistic(w) ? '∂L/∂w₁' : '∂L/∂w';
  const gy = logistic(w) ? '∂L/∂w₂' : '∂L/∂b';
  await Plotly.react($(w, '[data-chart="cloud"]'), [
    { type: 'scatter', mode: 'markers', name: `mini-batch gradients (B = ${sizes(w)[2]})`, x: [], y: [], marker: { size: 6, color: cols[2], opacity: 0.55 } },
    { type: 'scatter', mode: 'markers', name: 'full gradient', x: [], y: [], marker: { size: 14, symbol: 'star', color: c.fg } },
  ], charts.layout({
    showlegend: true,
    margin: { l: 52, r: 12, t: 36, b: 40 },
    xaxis: { title: { text: gx }, zeroline: true },
    yaxis: { title: { text: gy }, zeroline: true },
  }), charts.config(`${w.id}-cloud`));
  await charts.plotly().react($(w, '[data-chart="loss"]'), names.map((name, i) => charts.lossTrace(name, cols[i])), charts.layout({
    showlegend: true,
    margin: { l: 52, r: 12, t: 36, b: 40 },
    xaxis: { title: { text: w.value('epochs') ? 'epoch (passes over the data)' : 'iteration' }, rangemode: 'tozero' },
    yaxis: { title: { text: 'loss (all data)' }, type: 'log', exponentformat: 'power' },
  }), charts.config(`${w.id}-loss`));
  w.local.board = w.local.board ?? new Board(w, $(w, '[data-board] tbody'));
  w.local.board.build(names.map((label, i) => ({ label, colour: cols[i] })));
  w.local.drawn = [-1, -1, -1];
  w.local.cloudFor = null;
}

/** The line y = w x + b, or the boundary w₁x₁ + w₂x₂ + b = 0, across the plot. */
function line(w, params) {
  const [x0, x1] = w.local.xRange;
  if (!logistic(w)) {
    const [a, b] = params.map(toNumber);
    return [[x0, x1], [a * x0 + b, a * x1 + b]];
  }
  const [w1, w2, b] = params.map(toNumber);
  if (Math.abs(w2) < 1e-12) return [[-b / w1, -b / w1], w.local.yRange];
  return [[x0, x1], [-(w1 * x0 + b) / w2, -(w1 * x1 + b) / w2]];
}

function draw(w, t, reset) {
  const fit = $(w, '[data-chart="fit"]');
  const loss = $(w, '[data-chart="loss"]');
  if (!fit.data || !w.local.drawn || w.player.runs.length < 3) return;
  const offset = logistic(w) ? 2 : 1;
  const lines = charts.changes(fit);
  const curves = charts.changes(loss);
  for (let i = 0; i < 3; i++) {
    const step = w.player.stepOf(i, t);
    const [lx, ly] = step ? line(w, step.params) : [[], []];
    lines.set(offset + i, lx, ly);
  }
  const b = sizes(w);
  const n = b[0];
  for (let i = 0; i < 3; i++) {
    const steps = w.player.runs[i].steps;
    const upto = Math.min(t, steps.length - 1);
    if (reset || upto < w.local.drawn[i]) {
      w.local.drawn[i] = -1;
      curves.clear([i]);
    }
    if (upto > w.local.drawn[i]) {
      const perEpoch = b[i] / n;
      const l = charts.slice(steps, w.local.drawn[i], upto, (s) => [w.value('epochs') ? s.t * perEpoch : s.t, charts.finite(s.loss)]);
      curves.extend(i, l[0], l[1]);
      w.local.drawn[i] = upto;
    }
  }
  lines.draw();
  curves.draw();
  w.local.board.fill(t, (i, step) => [String(b[i]), num(step.t * b[i] / n, 3), num(toNumber(step.loss), 3), w.local.board.statusAt(i, t)]);
  updateCloud(w, t);
}

/** Asks for the gradient cloud at the mini-batch run's point, at most a few times a second. */
function updateCloud(w, t) {
  const step = w.player.stepOf(2, t);
  if (!step) return;
  const params = step.params.map(toNumber);
  const key = `${JSON.stringify(w.requests.cloud)}|${params.join(',')}`;
  if (key === w.local.cloudFor) return;
  w.local.cloudFor = key;
  clearTimeout(w.local.cloudTimer);
  w.local.cloudTimer = setTimeout(async () => {
    let cloud;
    try {
      cloud = await w.ask('cloud', { more: { params } });
    } catch (error) {
      return;
    }
    if (w.local.cloudFor !== key) return;
    charts.plotly().restyle($(w, '[data-chart="cloud"]'), {
      x: [cloud.batches.map((g) => g[0]), [cloud.full[0]]],
      y: [cloud.batches.map((g) => g[1]), [cloud.full[1]]],
    }, [0, 1]);
    const el = $(w, '[data-readout="spread"]');
    if (el) el.textContent = num(cloud.spread, 3);
  }, w.player.playing ? 200 : 0);
}

function summary(w) {
  return labels(w).map((label, i) => w.describeRun(i, label)).join('; ') + '.';
}

/** Runs are named by their batch in downloads. */
function label(w, i) {
  return labels(w)[i];
}

export default { charts: plot, draw, summary, label };
