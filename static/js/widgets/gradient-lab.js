// gradient-lab: automatic against numerical gradients at a point, the error of finite
// differences across step sizes, and the chain rule made visible on the expression's graph.

import { colour, themeColours } from './widget.js';
import * as charts from './charts.js';
import { num } from './format.js';
import { fetchApi, fetchJson } from './net.js';
import { showExpressionError } from './expression-error.js';

const SVG = 'http://www.w3.org/2000/svg';

export default class GradientLab {
  constructor(figure) {
    this.figure = figure;
    this.config = JSON.parse(figure.dataset.config);
    this.api = figure.dataset.api;
    this.expression = this.config.expression;
    this.point = this.config.point.slice();
    this.exponent = -5;
    this.errors = figure.querySelector('[data-chart="errors"]');
    this.graph = figure.querySelector('[data-graph]');
    this.table = figure.querySelector('[data-gradients] tbody');
    this.input = figure.querySelector('[data-control="expression"]');
    this.error = figure.querySelector('[data-expression-error]');
    document.addEventListener('downhill:theme', () => this.render());
  }

  async launch() {
    this.figure.querySelector('[data-expression-form]').addEventListener('submit', (e) => {
      e.preventDefault();
      this.tryExpression(this.input.value.trim());
    });
    this.#bind('px', (v) => { this.point[0] = v; this.load(); });
    this.#bind('py', (v) => { this.point[1] = v; this.load(); });
    this.#bind('h', (v) => { this.exponent = Math.round(Math.log10(v)); this.render(); });
    await this.load();
  }

  #bind(name, handler) {
    const input = this.figure.querySelector(`[data-control="${name}"]`);
    const output = input.parentElement.querySelector('output');
    const read = () => (input.dataset.scale === 'log' ? 10 ** Number(input.value) : Number(input.value));
    input.addEventListener('input', () => { output.textContent = num(read(), 3); });
    input.addEventListener('change', () => handler(read()));
  }

  async tryExpression(text) {
    const check = await fetchJson(`${this.api}/expression?dimension=2&text=${encodeURIComponent(text)}`);
    showExpressionError(this.input, this.error, text, check.valid ? null : check.message, check.column);
    if (!check.valid) return;
    this.expression = text;
    await this.load();
  }

  async load() {
    const url = `${this.api}/gradient-lab?text=${encodeURIComponent(this.expression)}&point=${encodeURIComponent(JSON.stringify(this.point))}`;
    const response = await fetchApi(url);
    if (!response.ok) return;
    this.lab = await response.json();
    this.render();
    this.figure.dispatchEvent(new CustomEvent('downhill:run-ended'));
  }

  render() {
    if (!this.lab) return;
    this.#table();
    this.#errorChart();
    this.#graph();
    const best = this.lab.sweep.reduce((a, r) => (r.central_error < a.central_error ? r : a));
    this.figure.querySelector('[data-summary]').textContent =
      `At (${num(this.point[0], 3)}, ${num(this.point[1], 3)}) automatic differentiation gives (${this.lab.automatic.map((g) => num(g, 6)).join(', ')}); `
      + `central differences come closest at h = ${num(best.h)} (relative error ${num(best.central_error, 2)}).`;
  }

  #table() {
    const row = this.lab.sweep.find((r) => Math.round(Math.log10(r.h)) === this.exponent) ?? this.lab.sweep[4];
    const ev = this.lab.evaluations;
    const rows = [
      ['Automatic', this.lab.automatic, '1 pass each way', 'rounding only'],
      [`Forward (h ${num(row.h)})`, row.forward, String(ev.forward), num(row.forward_error, 2)],
      [`Central (h ${num(row.h)})`, row.central, String(ev.central), num(row.central_error, 2)],
    ];
    this.table.replaceChildren(...rows.map(([name, g, evaluations, error]) => {
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

  #errorChart() {
    const hs = this.lab.sweep.map((r) => r.h);
    const floor = (v) => Math.max(v, 1e-18);
    charts.plotly().react(this.errors, [
      { type: 'scatter', mode: 'lines+markers', name: 'forward', x: hs, y: this.lab.sweep.map((r) => floor(r.forward_error)), line: { color: colour('sgd') } },
      { type: 'scatter', mode: 'lines+markers', name: 'central', x: hs, y: this.lab.sweep.map((r) => floor(r.central_error)), line: { color: colour('nesterov') } },
    ], charts.layout({
      showlegend: true,
      margin: { l: 52, r: 12, t: 36, b: 40 },
      xaxis: { type: 'log', title: { text: 'step h' }, exponentformat: 'power', autorange: 'reversed' },
      yaxis: { type: 'log', title: { text: 'relative error' }, exponentformat: 'power' },
      shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: 10 ** this.exponent, x1: 10 ** this.exponent, y0: 0, y1: 1,
        line: { color: themeColours().faint, dash: 'dot' } }],
    }), charts.config(`${this.figure.id}-errors`));
  }

  /** Leaves (x, y, constants) on the left, the output on the right; each box shows value and adjoint. */
  #graph() {
    const nodes = this.lab.graph;
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
    this.graph.replaceChildren(svg);
  }
}
