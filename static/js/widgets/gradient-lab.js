// gradient-lab: automatic against numerical gradients at a point, the error of finite
// differences across step sizes, and the chain rule made visible on the expression's graph. The
// server writes the call for the function and point; this module draws its answer.

import { colour, themeColours } from './theme.js';
import * as charts from './charts.js';
import { num } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The decade of the step h the table shows. */
const exponent = (w) => Math.round(Math.log10(w.value('h')));

async function plot(w) {
  const key = JSON.stringify(w.requests.lab);
  if (w.local.labFor !== key) {
    w.local.lab = await w.ask('lab');
    w.local.labFor = key;
  }
  const lab = w.local.lab;
  table(w, lab);
  errorChart(w, lab);
  graph(w, lab);
}

function draw() {}

function summary(w) {
  const lab = w.local.lab;
  const best = lab.sweep.reduce((a, r) => (r.central_error < a.central_error ? r : a));
  const [x, y] = w.requests.lab.query.point;
  return `At (${num(x, 3)}, ${num(y, 3)}) automatic differentiation gives (${lab.automatic.map((g) => num(g, 6)).join(', ')}); `
    + `central differences come closest at h = ${num(best.h)} (relative error ${num(best.central_error, 2)}).`;
}

function table(w, lab) {
  const row = lab.sweep.find((r) => Math.round(Math.log10(r.h)) === exponent(w)) ?? lab.sweep[4];
  const ev = lab.evaluations;
  const rows = [
    ['Automatic', lab.automatic, '1 pass each way', 'rounding only'],
    [`Forward (h ${num(row.h)})`, row.forward, String(ev.forward), num(row.forward_error, 2)],
    [`Central (h ${num(row.h)})`, row.central, String(ev.central), num(row.central_error, 2)],
  ];
  w.figure.querySelector('[data-gradients] tbody').replaceChildren(...rows.map(([name, g, evaluations, error]) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = name;
    tr.append(th, ...[num(g[0], 10), num(g[1], 10), evaluations, error].map((text) => {
      const td = document.createElement('td');
      td.textContent = text;
      return td;
    }));
    return tr;
  }));
}

function errorChart(w, lab) {
  const hs = lab.sweep.map((r) => r.h);
  const floor = (v) => Math.max(v, 1e-18);
  charts.plotly().react(w.figure.querySelector('[data-chart="errors"]'), [
    { type: 'scatter', mode: 'lines+markers', name: 'forward', x: hs, y: lab.sweep.map((r) => floor(r.forward_error)), line: { color: colour('sgd') } },
    { type: 'scatter', mode: 'lines+markers', name: 'central', x: hs, y: lab.sweep.map((r) => floor(r.central_error)), line: { color: colour('nesterov') } },
  ], charts.layout({
    showlegend: true,
    margin: { l: 52, r: 12, t: 36, b: 40 },
    xaxis: { type: 'log', title: { text: 'step h' }, exponentformat: 'power', autorange: 'reversed' },
    yaxis: { type: 'log', title: { text: 'relative error' }, exponentformat: 'power' },
    shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: 10 ** exponent(w), x1: 10 ** exponent(w), y0: 0, y1: 1,
      line: { color: themeColours().faint, dash: 'dot' } }],
  }), charts.config(`${w.id}-errors`));
}

/** Leaves (x, y, constants) on the left, the output on the right; each box shows value and adjoint. */
function graph(w, lab) {
  const nodes = lab.graph;
  const depth = [];
  for (const n of nodes) depth[n.id] = n.inputs.length ? 1 + Math.max(...n.inputs.map((i) => depth[i])) : 0;
  const columns = [];
  for (const n of nodes) (columns[depth[n.id]] ??= []).push(n);
  const W = 118;
  const H = 50;
  const gapX = 34;
  const gapY = 14;
  const width = columns.length * (W + gapX) + gapX;
  const height = Math.max(...columns.map((c) => c.length)) * (H + gapY) + gapY;
  const at = {};
  columns.forEach((col, c) => col.forEach((n, r) => { at[n.id] = { x: gapX + c * (W + gapX), y: gapY + r * (H + gapY) }; }));
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  for (const n of nodes) {
    for (const i of n.inputs) {
      svg.append(el('line', { x1: at[i].x + W, y1: at[i].y + H / 2, x2: at[n.id].x, y2: at[n.id].y + H / 2 }));
    }
  }
  const last = nodes[nodes.length - 1].id;
  for (const n of nodes) {
    const kind = n.inputs.length === 0 ? ' input' : (n.id === last ? ' output' : '');
    const g = el('g', { class: `node${kind}`, transform: `translate(${at[n.id].x},${at[n.id].y})` });
    g.append(el('rect', { width: W, height: H, rx: 7 }));
    g.append(el('text', { x: 8, y: 15, class: 'op' }, n.label));
    g.append(el('text', { x: 8, y: 30, class: 'fwd' }, `v = ${num(n.value, 4)}`));
    g.append(el('text', { x: 8, y: 44, class: 'bwd' }, `∂f/∂· = ${num(n.adjoint, 4)}`));
    svg.append(g);
  }
  w.figure.querySelector('[data-graph]').replaceChildren(svg);
}

export default { charts: plot, draw, summary };
