// rate-map: the predicted rate of heavy-ball momentum over (η, μ) on ½(x² + κy²), computed on the
// server, with a point the learner moves; that point also runs on the server and its measured
// rate shows beside the predicted one. The server writes the run and both calls; this module draws.

import { colour, themeColours } from './theme.js';
import * as charts from './charts.js';
import { num, toNumber } from './format.js';

const $ = (w, css) => w.figure.querySelector(css);
const point = (w) => w.specs[0].optimizer;

async function plot(w) {
  const Plotly = charts.plotly();
  const key = JSON.stringify(w.requests.map);
  if (w.local.mapFor !== key) {
    w.local.map = await w.ask('map');
    w.local.mapFor = key;
  }
  const m = w.local.map;
  const t = themeColours();
  const mapChart = $(w, '[data-chart="map"]');
  const converging = m.rate.map((row) => row.map((r) => (r < 1 ? r : null)));
  const diverging = m.rate.map((row) => row.map((r) => (r >= 1 ? 1 : null)));
  const dark = document.documentElement.dataset.theme === 'dark';
  await Plotly.react(mapChart, [
    {
      type: 'heatmap', x: m.eta, y: m.mu, z: converging, zmin: 0, zmax: 1,
      colorscale: 'Viridis', reversescale: true, name: 'rate',
      colorbar: { title: { text: 'rate', side: 'right' }, thickness: 10, len: 0.9, tickfont: { color: t.faint, size: 10 } },
      hovertemplate: 'η %{x:.4g}, μ %{y:.3f}<br>rate %{z:.4f}<extra></extra>',
    },
    {
      type: 'heatmap', x: m.eta, y: m.mu, z: diverging, zmin: 0, zmax: 1, showscale: false, name: 'diverges',
      colorscale: [[0, dark ? '#5a2a2a' : '#e8c4bd'], [1, dark ? '#5a2a2a' : '#e8c4bd']],
      hovertemplate: 'η %{x:.4g}, μ %{y:.3f}<br>diverges<extra></extra>',
    },
    {
      type: 'scatter', mode: 'markers', name: 'best momentum', x: [m.optimum.lr], y: [m.optimum.momentum],
      marker: { symbol: 'star', size: 16, color: t.fg, line: { width: 1.5, color: t.bg } },
      hovertemplate: 'optimum η* %{x:.4g}, μ* %{y:.3f}<extra></extra>',
    },
    {
      type: 'scatter', mode: 'markers', name: 'best plain GD', x: [m.plain.lr], y: [0],
      marker: { symbol: 'diamond', size: 12, color: t.fg, line: { width: 1.5, color: t.bg } },
      hovertemplate: 'best plain GD η %{x:.4g}<extra></extra>',
    },
    {
      type: 'scatter', mode: 'markers', name: 'your point', x: [point(w).lr], y: [point(w).momentum],
      marker: { symbol: 'circle-open', size: 16, color: colour('momentum'), line: { width: 3 } },
      hovertemplate: 'your point η %{x:.4g}, μ %{y:.3f}<extra></extra>',
    },
  ], charts.layout({
    margin: { l: 52, r: 8, t: 12, b: 44 },
    xaxis: { title: { text: 'learning rate η (rose: diverges)' }, range: [0, m.lr_max] },
    yaxis: { title: { text: 'momentum μ' }, range: [-0.01, 1] },
  }), charts.config(`${w.id}-map`));
  mapChart.removeAllListeners?.('plotly_click');
  mapChart.on('plotly_click', (event) => {
    const p = event.points?.[0];
    if (!p) return;
    // within the sliders' ranges, as the server gives them for this κ
    const within = (name, v) => Math.min(w.control(name).max, Math.max(w.control(name).min, v));
    w.setValues({ lr: Number(within('lr', p.x).toPrecision(3)), momentum: Number(within('momentum', p.y).toFixed(2)) });
  });
  await Plotly.react($(w, '[data-chart="distance"]'), [
    charts.lossTrace('distance ‖θ_t‖', colour('momentum')),
    { type: 'scatter', mode: 'lines', name: 'predicted rate^t', x: [], y: [], line: { color: t.soft, width: 1.5, dash: 'dash' }, hoverinfo: 'skip' },
  ], charts.layout({
    showlegend: true,
    margin: { l: 48, r: 12, t: 36, b: 40 },
    xaxis: { title: { text: 'iteration' }, rangemode: 'tozero' },
    yaxis: { title: { text: 'distance to the minimum' }, type: 'log', exponentformat: 'power' },
  }), charts.config(`${w.id}-distance`));
  w.local.drawn = -1;
  measure(w);
}

/** Asks the server to measure the learner's point, then shows both rates and the predicted curve. */
async function measure(w) {
  const key = JSON.stringify(w.requests.point);
  if (w.local.pointFor === key) {
    readouts(w);
    drawPrediction(w);
    return;
  }
  w.local.pointFor = key;
  w.local.point = null;
  readouts(w);
  let answer;
  try {
    answer = await w.ask('point');
  } catch (error) {
    if (w.local.pointFor === key) w.setSummary(`The rate could not be measured: ${error.message}`, true);
    return;
  }
  if (w.local.pointFor !== key) return;
  w.local.point = answer.point;
  readouts(w);
  drawPrediction(w);
}

function rateText(rate) {
  if (rate >= 1) return `${num(rate, 4)} (diverges)`;
  if (rate === 0) return '0';
  return `${num(rate, 4)} (${Math.ceil(Math.log(1e-6) / Math.log(rate))} steps to 1e−6)`;
}

function readouts(w) {
  const set = (name, text) => { $(w, `[data-readout="${name}"]`).textContent = text; };
  const p = w.local.point;
  set('predicted', p ? rateText(p.predicted) : '…');
  set('measured', p ? rateText(p.measured) : '…');
  const m = w.local.map;
  if (m) {
    set('optimum', `${num(m.optimum.lr, 3)}, ${num(m.optimum.momentum, 3)}`);
    set('best', `${num(m.optimum.rate, 3)} / ${num(m.plain.rate, 3)}`);
  }
}

/** ‖θ_0‖·ρ^t over the run's length: what the map says the distance should do. */
function drawPrediction(w) {
  const rate = w.local.point?.predicted ?? null;
  const distance = $(w, '[data-chart="distance"]');
  if (!distance.data || rate === null) return;
  const d0 = Math.hypot(...w.specs[0].start);
  const n = w.specs[0].stop.max_steps;
  const xs = [];
  const ys = [];
  for (let k = 0; k <= n; k += Math.max(1, Math.floor(n / 100))) {
    const v = d0 * rate ** k;
    if (v < 1e-300 || v > 1e300) break;
    xs.push(k);
    ys.push(v);
  }
  charts.plotly().restyle(distance, { x: [xs], y: [ys] }, [1]);
}

function draw(w, t, reset) {
  const Plotly = charts.plotly();
  const distance = $(w, '[data-chart="distance"]');
  if (!distance.data || !w.player.runs.length || w.local.drawn === undefined) return;
  const steps = w.player.runs[0].steps;
  const upto = Math.min(t, steps.length - 1);
  if (reset || upto < w.local.drawn) {
    w.local.drawn = -1;
    Plotly.restyle(distance, { x: [[]], y: [[]] }, [0]);
  }
  if (upto > w.local.drawn) {
    const d = charts.slice(steps, w.local.drawn, upto, (s) => [s.t, charts.finite(Math.hypot(...s.params.map(toNumber)))]);
    Plotly.extendTraces(distance, { x: [d[0]], y: [d[1]] }, [0]);
    w.local.drawn = upto;
  }
}

function summary(w) {
  const { lr, momentum } = point(w);
  const run = w.describeRun(0, `Momentum at η ${num(lr, 3)}, μ ${num(momentum, 3)}`);
  const p = w.local.point;
  const rates = p ? ` Predicted rate ${num(p.predicted, 4)}, measured ${num(p.measured, 4)}.` : '';
  const m = w.local.map;
  return `${run}.${rates} The best momentum on κ = ${num(w.specs[0].problem.condition, 4)} gives ${num(m.optimum.rate, 3)} per step, the best plain descent ${num(m.plain.rate, 3)}.`;
}

export default { charts: plot, draw, summary };
