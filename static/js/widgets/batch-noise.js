// batch-noise: full batch, one sample and a mini-batch on the same data; the fit, the loss, and
// the cloud of real mini-batch gradients around the full gradient.

import { Widget, colour, themeColours, SERIES } from './widget.js';
import * as charts from './charts.js';
import { Board } from './board.js';
import { num, toNumber } from './format.js';
import { fetchApi } from './net.js';

const SEED = 2;
const CLOUD_SAMPLES = 60;

export default class BatchNoise extends Widget {
  constructor(figure) {
    super(figure);
    this.batch = this.config.batchSize;
    this.lr = this.config.lr;
    this.epochs = false;
    this.fit = figure.querySelector('[data-chart="fit"]');
    this.cloud = figure.querySelector('[data-chart="cloud"]');
    this.loss = figure.querySelector('[data-chart="loss"]');
    this.board = new Board(this, figure.querySelector('[data-board] tbody'));
    this.drawn = [-1, -1, -1];
    this.cloudFor = null;
  }

  get logistic() {
    return this.config.problem === 'logistic-regression';
  }

  restoreState(s) {
    if (Number(s.batch) >= 1 && Number(s.batch) <= this.config.n) this.batch = Math.round(Number(s.batch));
    if (Number(s.lr) > 0) this.lr = Number(s.lr);
    this.epochs = s.epochs === '1';
    this.setControl('batch', this.batch);
    this.setControl('lr', this.lr);
    this.setControl('epochs', this.epochs);
  }

  currentState() {
    return { batch: String(this.batch), lr: String(this.lr), ...(this.epochs ? { epochs: '1' } : {}) };
  }

  async setup() {
    this.bindControl('batch', (b) => { this.batch = Math.round(b); this.restart(); return String(this.batch); });
    this.bindControl('lr', (lr) => { this.lr = lr; this.restart(); return num(lr, 3); });
    this.bindControl('epochs', (on) => { this.epochs = on; this.plotLoss().then(() => this.draw(this.player.t, true)); this.writeHash(); });
    this.data = await charts.landscape(this.api, this.problemSpec(this.config.n), 2, SEED);
    await this.plot();
  }

  problemSpec(batch) {
    return { name: this.config.problem, n: this.config.n, noise: this.config.noise, batch_size: batch };
  }

  /** Full batch, one sample, and the chosen mini-batch: the same data, the same seed. */
  sizes() {
    return [this.config.n, 1, this.batch];
  }

  specs() {
    return this.sizes().map((b) => ({
      problem: this.problemSpec(b),
      optimizer: { name: 'sgd', lr: this.lr },
      stop: { max_steps: this.config.maxSteps },
      changes: [],
      seed: SEED,
    }));
  }

  labels() {
    return ['Full batch', 'One sample (SGD)', `Mini-batch B = ${this.batch}`];
  }

  async plot() {
    const Plotly = charts.plotly();
    const c = themeColours();
    const names = this.labels();
    const cols = SERIES.slice(0, 3).map(colour);
    const pts = this.data.points;
    let dataTraces;
    if (this.logistic) {
      dataTraces = [0, 1].map((label) => ({
        type: 'scatter', mode: 'markers', name: `class ${label}`, hoverinfo: 'skip',
        x: pts.filter((p) => p.y === label).map((p) => p.x[0]), y: pts.filter((p) => p.y === label).map((p) => p.x[1]),
        marker: { size: 6, symbol: label ? 'circle' : 'x', color: label ? c.soft : c.faint },
      }));
    } else {
      dataTraces = [{ type: 'scatter', mode: 'markers', name: 'data', hoverinfo: 'skip',
        x: pts.map((p) => p.x[0]), y: pts.map((p) => p.y), marker: { size: 5, color: c.faint } }];
    }
    this.xRange = this.#range(pts.map((p) => p.x[0]));
    this.yRange = this.#range(this.logistic ? pts.map((p) => p.x[1]) : pts.map((p) => p.y));
    await Plotly.react(this.fit, [
      ...dataTraces,
      ...names.map((name, i) => ({ type: 'scatter', mode: 'lines', name, x: [], y: [], line: { color: cols[i], width: 2.5 }, hoverinfo: 'skip' })),
    ], charts.layout({
      xaxis: { range: this.xRange, title: { text: this.logistic ? 'x₁' : 'x' } },
      yaxis: { range: this.yRange, title: { text: this.logistic ? 'x₂' : 'y' } },
    }), charts.config(`${this.id}-fit`));
    const gx = this.logistic ? '∂L/∂w₁' : '∂L/∂w';
    const gy = this.logistic ? '∂L/∂w₂' : '∂L/∂b';
    await Plotly.react(this.cloud, [
      { type: 'scatter', mode: 'markers', name: `mini-batch gradients (B = ${this.batch})`, x: [], y: [], marker: { size: 6, color: cols[2], opacity: 0.55 } },
      { type: 'scatter', mode: 'markers', name: 'full gradient', x: [], y: [], marker: { size: 14, symbol: 'star', color: c.fg } },
    ], charts.layout({
      showlegend: true,
      margin: { l: 52, r: 12, t: 36, b: 40 },
      xaxis: { title: { text: gx }, zeroline: true },
      yaxis: { title: { text: gy }, zeroline: true },
    }), charts.config(`${this.id}-cloud`));
    await this.plotLoss();
    this.board.build(names.map((label, i) => ({ label, colour: cols[i] })));
    this.drawn = [-1, -1, -1];
    this.cloudFor = null;
  }

  async plotLoss() {
    const cols = SERIES.slice(0, 3).map(colour);
    await charts.plotly().react(this.loss, this.labels().map((name, i) => charts.lossTrace(name, cols[i])), charts.layout({
      showlegend: true,
      margin: { l: 52, r: 12, t: 36, b: 40 },
      xaxis: { title: { text: this.epochs ? 'epoch (passes over the data)' : 'iteration' }, rangemode: 'tozero' },
      yaxis: { title: { text: 'loss (all data)' }, type: 'log', exponentformat: 'power' },
    }), charts.config(`${this.id}-loss`));
    this.drawn = [-1, -1, -1];
  }

  #range(values) {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = (hi - lo) * 0.08 || 1;
    return [lo - pad, hi + pad];
  }

  /** The line y = w x + b, or the boundary w₁x₁ + w₂x₂ + b = 0, across the plot. */
  #line(params) {
    const [x0, x1] = this.xRange;
    if (!this.logistic) {
      const [w, b] = params.map(toNumber);
      return [[x0, x1], [w * x0 + b, w * x1 + b]];
    }
    const [w1, w2, b] = params.map(toNumber);
    if (Math.abs(w2) < 1e-12) return [[-b / w1, -b / w1], this.yRange];
    return [[x0, x1], [-(w1 * x0 + b) / w2, -(w1 * x1 + b) / w2]];
  }

  draw(t, reset) {
    const Plotly = charts.plotly();
    if (!this.fit.data || this.player.runs.length < 3) return;
    const offset = this.logistic ? 2 : 1;
    const xs = [];
    const ys = [];
    for (let i = 0; i < 3; i++) {
      const step = this.player.stepOf(i, t);
      const [lx, ly] = step ? this.#line(step.params) : [[], []];
      xs.push(lx);
      ys.push(ly);
    }
    Plotly.restyle(this.fit, { x: xs, y: ys }, [offset, offset + 1, offset + 2]);
    const sizes = this.sizes();
    for (let i = 0; i < 3; i++) {
      const steps = this.player.runs[i].steps;
      const upto = Math.min(t, steps.length - 1);
      if (reset || upto < this.drawn[i]) {
        this.drawn[i] = -1;
        Plotly.restyle(this.loss, { x: [[]], y: [[]] }, [i]);
      }
      if (upto > this.drawn[i]) {
        const perEpoch = sizes[i] / this.config.n;
        const loss = charts.slice(steps, this.drawn[i], upto, (s) => [this.epochs ? s.t * perEpoch : s.t, charts.finite(s.loss)]);
        Plotly.extendTraces(this.loss, { x: [loss[0]], y: [loss[1]] }, [i]);
        this.drawn[i] = upto;
      }
    }
    this.board.fill(t, (i, step) => [String(sizes[i]), num(step.t * sizes[i] / this.config.n, 3),
      num(toNumber(step.loss), 3), this.board.statusAt(i, t)]);
    this.#updateCloud(t);
  }

  /** Fetches the gradient cloud at the mini-batch run's point, at most a few times a second. */
  #updateCloud(t) {
    const step = this.player.stepOf(2, t);
    if (!step) return;
    const key = `${this.batch}|${step.params.join(',')}`;
    if (key === this.cloudFor) return;
    this.cloudFor = key;
    clearTimeout(this.cloudTimer);
    this.cloudTimer = setTimeout(async () => {
      const url = `${this.api}/gradients?problem=${encodeURIComponent(JSON.stringify(this.problemSpec(this.config.n)))}`
        + `&seed=${SEED}&params=${encodeURIComponent(JSON.stringify(step.params.map(toNumber)))}`
        + `&batch_size=${this.batch}&samples=${CLOUD_SAMPLES}`;
      const response = await fetchApi(url);
      if (!response.ok || this.cloudFor !== key) return;
      const cloud = await response.json();
      charts.plotly().restyle(this.cloud, {
        x: [cloud.batches.map((g) => g[0]), [cloud.full[0]]],
        y: [cloud.batches.map((g) => g[1]), [cloud.full[1]]],
      }, [0, 1]);
      const el = this.figure.querySelector('[data-readout="spread"]');
      if (el) el.textContent = num(cloud.spread, 3);
    }, this.player.playing ? 200 : 0);
  }

  /** The labels name the batch size, so the charts and table are rebuilt before the new runs start. */
  restart() {
    this.plot().then(() => super.restart());
  }

  updateReadouts(t) {
    const el = this.figure.querySelector('[data-readout="t"]');
    if (el) el.textContent = String(t);
  }

  runLabel(i) {
    return this.labels()[i];
  }

  summary() {
    return this.labels().map((label, i) => this.describeRun(i, label)).join('; ') + '.';
  }

  themeChanged() {
    this.plot().then(() => this.draw(this.player.t, true));
  }
}
