// descent-1d: a ball rolling down a curve; the tangent shows the gradient it follows.

import { Widget, colour, themeColours } from './widget.js';
import * as charts from './charts.js';
import { num, optimizerName, toNumber } from './format.js';

export default class Descent1d extends Widget {
  constructor(figure) {
    super(figure);
    this.optimizer = this.config.optimizer;
    this.lr = this.config.lr;
    this.start = this.config.start;
    this.curve = figure.querySelector('[data-chart="curve"]');
    this.loss = figure.querySelector('[data-chart="loss"]');
    this.basin = figure.querySelector('[data-basin]');
    this.drawn = -1;
  }

  restoreState(s) {
    if (Number(s.lr) > 0) this.lr = Number(s.lr);
    if (s.start !== undefined && Number.isFinite(Number(s.start))) this.start = Number(s.start);
    if (s.opt) this.optimizer = s.opt;
    this.setControl('lr', this.lr);
    this.setControl('start', this.start);
    this.setControl('optimizer', this.optimizer);
  }

  currentState() {
    return { opt: this.optimizer, lr: String(this.lr), start: String(this.start) };
  }

  async setup() {
    this.bindControl('lr', (lr) => { this.lr = lr; this.changeParameter({ lr }); return num(lr, 3); });
    this.bindControl('start', (x) => { this.start = x; this.restart(); return num(x, 3); });
    this.bindControl('optimizer', (name) => { this.optimizer = name; this.restart(); });
    this.land = await charts.landscape(this.api, { name: this.config.problem }, 400);
    await this.plot();
  }

  async plot() {
    const Plotly = charts.plotly();
    const c = colour(this.optimizer);
    const t = themeColours();
    const minima = this.land.minima ?? [];
    await Plotly.react(this.curve, [
      { type: 'scatter', mode: 'lines', x: this.land.x, y: this.land.y, line: { color: t.soft, width: 2.5 }, name: 'loss', hovertemplate: 'x %{x:.3f}<br>L %{y:.4g}<extra></extra>' },
      { type: 'scatter', mode: 'markers', x: minima.map((m) => m[0]), y: minima.map((m) => m[1]), marker: { symbol: 'star', size: 11, color: t.fg }, hovertemplate: 'minimum at x %{x:.3f}<extra></extra>' },
      { type: 'scatter', mode: 'markers', x: [], y: [], marker: { color: c, size: 6, opacity: 0.45 }, hoverinfo: 'skip', name: 'visited' },
      { type: 'scatter', mode: 'lines', x: [], y: [], line: { color: c, width: 2, dash: 'dot' }, hoverinfo: 'skip', name: 'tangent' },
      { type: 'scatter', mode: 'markers', x: [], y: [], marker: { color: c, size: 16, line: { width: 2, color: t.bg } }, hoverinfo: 'skip', name: 'ball' },
    ], charts.layout({
      xaxis: { range: this.land.range[0], title: { text: 'x' } },
      yaxis: { range: this.#yRange(), title: { text: 'L(x)' } },
    }), charts.config(`${this.id}-curve`));
    this.curve.removeAllListeners?.('plotly_click');
    if (this.config.controls.includes('start')) {
      this.curve.on('plotly_click', (event) => {
        const p = event.points?.[0];
        if (!p) return;
        this.start = Number(p.x.toPrecision(4));
        this.setControl('start', this.start);
        this.restart();
      });
    }
    await Plotly.react(this.loss, [charts.lossTrace(optimizerName(this.optimizer), c)], charts.layout({
      xaxis: { title: { text: 'iteration' }, rangemode: 'tozero' },
      yaxis: { title: { text: 'loss' }, type: 'linear' },
    }), charts.config(`${this.id}-loss`));
    this.drawn = -1;
  }

  #yRange() {
    const ys = this.land.y;
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    const pad = (hi - lo) * 0.08;
    return [lo - pad, hi + pad];
  }

  specs() {
    return [{
      problem: { name: this.config.problem },
      start: [this.start],
      optimizer: { name: this.optimizer, lr: this.lr },
      stop: { max_steps: this.config.maxSteps, param_change: 1e-9 },
      changes: this.changes,
      seed: 0,
    }];
  }

  restart() {
    super.restart();
    if (this.loss.layout) charts.plotly().relayout(this.loss, { shapes: [], annotations: [] });
    if (this.basin) this.basin.textContent = '';
  }

  draw(t, reset) {
    const Plotly = charts.plotly();
    if (!this.land || !this.curve.data || !this.player.runs.length) return;
    const steps = this.player.runs[0].steps;
    if (!steps.length) return;
    const upto = Math.min(t, steps.length - 1);
    if (reset || upto < this.drawn) {
      this.drawn = -1;
      Plotly.restyle(this.curve, { x: [[]], y: [[]] }, [2]);
      Plotly.restyle(this.loss, { x: [[]], y: [[]] }, [0]);
    }
    if (upto > this.drawn) {
      const visited = charts.slice(steps, this.drawn, upto, (s) => [charts.finite(s.params[0]), charts.finite(s.loss)]);
      const loss = charts.slice(steps, this.drawn, upto, (s) => [s.t, charts.finite(s.loss)]);
      Plotly.extendTraces(this.curve, { x: [visited[0]], y: [visited[1]] }, [2]);
      Plotly.extendTraces(this.loss, { x: [loss[0]], y: [loss[1]] }, [0]);
      this.drawn = upto;
    }
    const s = steps[upto];
    const x = toNumber(s.params[0]);
    const y = toNumber(s.loss);
    const slope = toNumber(s.grad[0]);
    const half = (this.land.range[0][1] - this.land.range[0][0]) * 0.12;
    const tangent = Number.isFinite(x) && Number.isFinite(slope)
      ? { x: [[x - half, x + half]], y: [[y - slope * half, y + slope * half]] }
      : { x: [[]], y: [[]] };
    Plotly.restyle(this.curve, tangent, [3]);
    Plotly.restyle(this.curve, { x: [[charts.finite(x)]], y: [[charts.finite(y)]] }, [4]);
  }

  markChange(t, values) {
    const c = themeColours();
    const shapes = [...(this.loss.layout.shapes ?? []).filter((s) => s.x0 < t),
      { type: 'line', xref: 'x', yref: 'paper', x0: t, x1: t, y0: 0, y1: 1, line: { color: c.faint, width: 1.5, dash: 'dot' } }];
    const annotations = [...(this.loss.layout.annotations ?? []).filter((a) => a.x < t),
      { x: t, y: 1, xref: 'x', yref: 'paper', text: `lr → ${num(values.lr, 3)}`, showarrow: false, xanchor: 'left', yanchor: 'top', font: { size: 11, color: c.soft } }];
    charts.plotly().relayout(this.loss, { shapes, annotations });
  }

  /** Which minimum the ball ended nearest to, if it ended near one. */
  settledIn() {
    const run = this.player.runs[0];
    const last = run.steps[run.steps.length - 1];
    const x = toNumber(last.params[0]);
    const minima = this.land.minima ?? [];
    if (!Number.isFinite(x) || minima.length === 0) return null;
    const nearest = minima.reduce((a, b) => (Math.abs(a[0] - x) <= Math.abs(b[0] - x) ? a : b));
    if (Math.abs(nearest[0] - x) > 0.05 * (this.land.range[0][1] - this.land.range[0][0])) return null;
    const lowest = minima.reduce((a, b) => (a[1] <= b[1] ? a : b));
    return { x: nearest[0], global: nearest === lowest, several: minima.length > 1 };
  }

  summary() {
    const text = this.describeRun(0, optimizerName(this.optimizer));
    const where = this.settledIn();
    let basin = '';
    if (where) {
      basin = where.several
        ? ` It settled in the ${where.global ? 'global' : 'local'} minimum near x = ${num(where.x, 3)}.`
        : ` It settled in the minimum near x = ${num(where.x, 3)}.`;
    }
    if (this.basin) this.basin.textContent = basin.trim();
    return `${text}.${basin}`;
  }

  themeChanged() {
    this.plot().then(() => this.draw(this.player.t, true));
  }
}
