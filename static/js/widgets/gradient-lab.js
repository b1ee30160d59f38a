// gradient-lab: automatic against numerical gradients at a point, the error of finite
// differences across step sizes, and the chain rule made visible on the expression's graph. The
// server writes the call for the function and point; this module draws its answer.

import { colour, themeColours, themeKey } from './theme.js';
import * as charts from './charts.js';
import { num } from './format.js';
import { layoutGraph } from './graph-layout.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The decade of the step h the table shows. */
const exponent = (w) => Math.round(Math.log10(w.value('h')));

async function plot(w) {
  const key = JSON.stringify(w.requests.lab);
  // two changes in a row (a slider, then the button) ask for the same answer once
  if (w.local.labFor !== key) {
    w.local.labFor = key;
    w.local.asked = w.ask('lab').catch((error) => {
      if (w.local.labFor === key) w.local.labFor = null;
      throw error;
    });
  }
  const lab = await w.local.asked;
  w.local.lab = lab;
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

/**
 * The errors of both formulas across h, and a dotted line at the table's h. A new point or h
 * changes the drawn chart in place (one redraw, the fitted ticks kept); a new theme draws it whole.
 */
function errorChart(w, lab) {
  const el = w.figure.querySelector('[data-chart="errors"]');
  const hs = lab.sweep.map((r) => r.h);
  const floor = (v) => Math.max(v, 1e-18);
  const forward = lab.sweep.map((r) => floor(r.forward_error));
  const central = lab.sweep.map((r) => floor(r.central_error));
  const at = 10 ** exponent(w);
  const theme = themeKey();
  const line = el.layout?.shapes?.[0];
  if (w.local.errorsTheme === theme && el.data?.length === 2 && line) {
    const changes = charts.changes(el);
    changes.set(0, hs, forward);
    changes.set(1, hs, central);
    if (line.x0 !== at) {
      Object.assign(line, { x0: at, x1: at });
      changes.touch();
    }
    changes.draw();
    return;
  }
  w.local.errorsTheme = theme;
  charts.plotly().react(el, [
    { type: 'scatter', mode: 'lines+markers', name: 'forward', x: hs, y: forward, line: { color: colour('sgd') } },
    { type: 'scatter', mode: 'lines+markers', name: 'central', x: hs, y: central, line: { color: colour('nesterov') } },
  ], charts.layout({
    showlegend: true,
    margin: { l: 52, r: 12, t: 36, b: 40 },
    xaxis: { type: 'log', title: { text: 'step h' }, exponentformat: 'power', autorange: 'reversed' },
    yaxis: { type: 'log', title: { text: 'relative error' }, exponentformat: 'power' },
    shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: at, x1: at, y0: 0, y1: 1,
      line: { color: themeColours().faint, dash: 'dot' } }],
  }), charts.config(`${w.id}-errors`));
}

/** Short names for the inner nodes, skipping letters that read as something else (e, f, i, v, x, y…). */
const NAMES = 'abcdghkmnpqrstuw';

/**
 * What each box is called and computes: x and y, a constant's own text, "a = x + y" for an inner
 * node, "f = a · b" for the output. The adjoint line names the node the same way.
 */
function names(nodes) {
  const last = nodes[nodes.length - 1].id;
  const name = new Map();
  let inner = 0;
  for (const n of nodes) {
    if (n.op === 'x' || n.op === 'y') name.set(n.id, n.op);
    else if (!n.inputs.length) name.set(n.id, `(${n.label})`);
    else if (n.id === last) name.set(n.id, 'f');
    else name.set(n.id, inner < NAMES.length ? NAMES[inner++] : `n${n.id}`);
  }
  const arg = (id) => name.get(id).replace(/^\((.*)\)$/, '$1');
  const SYMBOL = { '*': '·', '-': '−', '/': '/', '+': '+', '^': '^' };
  const head = (n) => {
    if (!n.inputs.length) return n.label;
    const [a, b] = n.inputs.map(arg);
    const formula = n.op === 'neg' ? `−${a}` : n.inputs.length === 2 ? `${a} ${SYMBOL[n.op] ?? n.label} ${b}` : `${n.label}(${a})`;
    return `${name.get(n.id)} = ${formula}`;
  };
  return { head, name: (id) => name.get(id) };
}

const ARROW = 7;

/** Inputs (x, y) on the left, the output on the right; each box shows its value and its adjoint. */
function graph(w, lab) {
  const nodes = lab.graph;
  const W = 126;
  const H = 50;
  const { width, height, boxes, edges } = layoutGraph(nodes, { W, H, gapX: 40, gapY: 14, lane: 12 });
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
  for (const e of edges) {
    // the line stops where the arrowhead starts, the arrowhead's tip on the box's edge
    const pts = e.points.map(([x, y]) => [x, y]);
    const [tx, ty] = pts[pts.length - 1];
    const [px, py] = pts[pts.length - 2];
    const len = Math.hypot(tx - px, ty - py) || 1;
    const [ux, uy] = [(tx - px) / len, (ty - py) / len];
    pts[pts.length - 1] = [tx - ux * ARROW, ty - uy * ARROW];
    const g = el('g', { class: 'edge', 'data-from': e.from, 'data-to': e.to });
    g.append(el('polyline', { points: pts.map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' ') }));
    const [bx, by] = [tx - ux * ARROW, ty - uy * ARROW];
    const half = ARROW * 0.5;
    g.append(el('path', { class: 'arrowhead',
      d: `M${tx.toFixed(1)},${ty.toFixed(1)} L${(bx - uy * half).toFixed(1)},${(by + ux * half).toFixed(1)} L${(bx + uy * half).toFixed(1)},${(by - ux * half).toFixed(1)} Z` }));
    svg.append(g);
  }
  const last = nodes[nodes.length - 1].id;
  const label = names(nodes);
  for (const n of nodes) {
    const kind = n.inputs.length === 0 ? ' input' : (n.id === last ? ' output' : '');
    const g = el('g', { class: `node${kind}`, 'data-node': n.id, transform: `translate(${boxes[n.id].x},${boxes[n.id].y})` });
    g.append(el('rect', { width: W, height: H, rx: 7 }));
    g.append(el('text', { x: 8, y: 15, class: 'op' }, label.head(n)));
    g.append(el('text', { x: 8, y: 30, class: 'fwd' }, `v = ${num(n.value, 4)}`));
    g.append(el('text', { x: 8, y: 44, class: 'bwd' }, `∂f/∂${label.name(n.id)} = ${num(n.adjoint, 4)}`));
    svg.append(g);
  }
  const legend = document.createElement('p');
  legend.className = 'graph-legend';
  legend.textContent = 'Arrows run forward from the inputs to f. In each box, v is the value computed forward and '
    + '∂f/∂ is the gradient flowing back to that node.';
  w.figure.querySelector('[data-graph]').replaceChildren(legend, svg);
}

export default { charts: plot, draw, summary };
