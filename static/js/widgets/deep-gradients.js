// deep-gradients: a small network trained on the server, streamed step by step: the gradient
// norm of every layer over time (vanishing and exploding made visible), the loss, and the
// decision boundary. Training can be stopped at any moment.

import { colour, themeColours } from './widget.js';
import * as charts from './charts.js';
import { num } from './format.js';
import { eventStream, busyText } from './net.js';

export default class DeepGradients {
  constructor(figure) {
    this.figure = figure;
    this.config = JSON.parse(figure.dataset.config);
    this.api = figure.dataset.api;
    this.heat = figure.querySelector('[data-chart="heat"]');
    this.boundary = figure.querySelector('[data-chart="boundary"]');
    this.loss = figure.querySelector('[data-chart="loss"]');
    this.progress = figure.querySelector('[data-progress]');
    this.source = null;
    document.addEventListener('downhill:theme', () => this.#redraw());
  }

  async launch() {
    this.figure.querySelector('[data-action="train"]').addEventListener('click', () => this.train());
    this.figure.querySelector('[data-action="stop"]').addEventListener('click', () => this.stop('Stopped.'));
    this.#reset();
  }

  #control(name) {
    const input = this.figure.querySelector(`[data-control="${name}"]`);
    if (input.type === 'checkbox') return input.checked;
    return input.type === 'range' ? Number(input.value) : input.value;
  }

  spec() {
    const c = this.config;
    return {
      dataset: c.dataset, depth: this.#control('depth'), width: c.width, activation: this.#control('activation'),
      init: this.#control('init'), residual: this.#control('residual'), clip_grad_norm: this.#control('clip') ? 1 : null,
      weight_decay: c.weightDecay, optimizer: c.optimizer, lr: c.lr, max_steps: c.maxSteps, seed: 1,
    };
  }

  #reset() {
    this.steps = [];
    this.norms = [];
    this.clipped = 0;
    this.data = null;
    this.grid = null;
    this.progress.value = 0;
    this.#redraw();
  }

  train() {
    this.stop();
    this.#reset();
    const spec = this.spec();
    this.maxSteps = spec.max_steps;
    this.#running(true);
    this.#say('Training…');
    this.source = eventStream(`${this.api}/train/stream?spec=${encodeURIComponent(JSON.stringify(spec))}`, {
      onEvent: (name, data) => {
        if (name === 'frame') this.#frame(JSON.parse(data));
        if (name === 'done') {
          this.stop();
          this.#say(this.#summary());
          this.figure.dispatchEvent(new CustomEvent('downhill:run-ended'));
          return true;
        }
        if (name === 'error') { this.stop(`The training stopped: ${JSON.parse(data).detail}`); return true; }
        return false;
      },
      onBusy: (seconds) => this.#say(busyText(seconds)),
      onConnected: () => this.#say('Training…'),
      onFailed: (message) => this.stop(`The training could not start: ${message}`),
    });
  }

  stop(message) {
    this.source?.close();
    this.source = null;
    this.#running(false);
    if (message) this.#say(message);
  }

  #running(on) {
    this.figure.querySelector('[data-action="stop"]').hidden = !on;
    this.figure.querySelector('[data-action="train"] .label').textContent = on ? 'Restart' : 'Train';
    this.figure.classList.toggle('is-playing', on);
  }

  #say(text) {
    this.figure.querySelector('[data-summary]').textContent = text;
  }

  #frame(frame) {
    if (frame.data) this.data = frame.data;
    for (const s of frame.steps) {
      this.steps.push(s);
      this.norms.push(s.grad_norms.map((g) => Math.log10(Math.max(g, 1e-30))));
      if (s.clipped) this.clipped++;
    }
    if (frame.grid) this.grid = frame.grid;
    const last = this.steps[this.steps.length - 1];
    this.progress.value = last.t / this.maxSteps;
    const set = (name, text) => { this.figure.querySelector(`[data-readout="${name}"]`).textContent = text; };
    set('t', String(last.t));
    set('loss', num(last.loss, 3));
    set('accuracy', `${Math.round(last.accuracy * 100)}%`);
    const g = last.grad_norms;
    set('ratio', num(g[0] / Math.max(g[g.length - 1], 1e-300), 2));
    set('clipped', String(this.clipped));
    this.#redraw();
  }

  #summary() {
    const last = this.steps[this.steps.length - 1];
    if (!last) return '';
    const g = last.grad_norms;
    return `After ${last.t} steps: loss ${num(last.loss, 3)}, accuracy ${Math.round(last.accuracy * 100)}%. `
      + `The first layer's gradient is ${num(g[0] / Math.max(g[g.length - 1], 1e-300), 2)} times the last layer's`
      + (this.clipped ? `; clipping fired on ${this.clipped} steps.` : '.');
  }

  #redraw() {
    const Plotly = charts.plotly();
    const c = themeColours();
    const layers = this.data?.layers ?? this.spec().depth + 1;
    // layers down the side (input at the bottom), steps across: z[layer][step]
    const z = Array.from({ length: layers }, (_, l) => this.norms.map((row) => row[l]));
    Plotly.react(this.heat, [{
      type: 'heatmap', z, x: this.steps.map((s) => s.t), y: Array.from({ length: layers }, (_, l) => l + 1),
      colorscale: 'Viridis', zmin: -8, zmax: 1, colorbar: { title: { text: 'log₁₀ ‖∇‖', side: 'right' }, thickness: 10 },
      hovertemplate: 'step %{x}, layer %{y}<br>log₁₀ ‖gradient‖ %{z:.2f}<extra></extra>',
    }], charts.layout({
      xaxis: { title: { text: 'step' } }, yaxis: { title: { text: 'layer (input first)' }, dtick: Math.max(1, Math.ceil(layers / 8)) },
    }), charts.config(`${this.figure.id}-gradients`));
    const traces = [];
    if (this.grid && this.data) {
      const [xr, yr] = this.data.range;
      const n = this.data.grid;
      const axis = (r) => Array.from({ length: n }, (_, i) => r[0] + (i * (r[1] - r[0])) / (n - 1));
      traces.push({ type: 'contour', x: axis(xr), y: axis(yr), z: this.grid, zmin: 0, zmax: 1, showscale: false, hoverinfo: 'skip',
        contours: { start: 0.5, end: 0.5, size: 1, coloring: 'heatmap' }, opacity: 0.35,
        colorscale: [[0, colour('sgd')], [1, colour('momentum')]], line: { width: 2.5, color: c.fg } });
    }
    if (this.data) {
      for (const label of [0, 1]) {
        const pts = this.data.points.filter((p) => p[2] === label);
        traces.push({ type: 'scatter', mode: 'markers', x: pts.map((p) => p[0]), y: pts.map((p) => p[1]), hoverinfo: 'skip',
          marker: { size: 5, color: colour(label ? 'momentum' : 'sgd'), line: { width: 0.5, color: c.bg } } });
      }
    }
    Plotly.react(this.boundary, traces, charts.layout({
      xaxis: { range: this.data?.range[0] }, yaxis: { range: this.data?.range[1] },
    }), charts.config(`${this.figure.id}-boundary`));
    Plotly.react(this.loss, [
      { ...charts.lossTrace('loss', colour('nesterov')), x: this.steps.map((s) => s.t), y: this.steps.map((s) => s.loss) },
      { type: 'scatter', mode: 'lines', name: 'accuracy', yaxis: 'y2', x: this.steps.map((s) => s.t), y: this.steps.map((s) => s.accuracy),
        line: { color: colour('adagrad'), width: 2 } },
    ], charts.layout({
      showlegend: true, margin: { l: 52, r: 52, t: 36, b: 40 },
      xaxis: { title: { text: 'step' }, range: [0, this.maxSteps ?? this.config.maxSteps] },
      yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power' },
      yaxis2: { title: { text: 'accuracy' }, overlaying: 'y', side: 'right', range: [0, 1], showgrid: false, tickformat: '.0%' },
    }), charts.config(`${this.figure.id}-loss`));
  }
}
