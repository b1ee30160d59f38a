// The one runtime of every converted widget: it owns the state of the controls, the page
// address, forks, the streams, playback and downloads. The server renders the controls and
// answers each state's run specs; a widget's own module only draws:
//   export default { charts(w), draw(w, t, reset), summary(w) }   (and optionally label(w, i))
// where w is this runtime: w.specs are the current runs' specs, w.player their steps, w.local
// the module's own scratch space.

import { Player } from './player.js';
import { fetchApi, problemText, busyText } from './net.js';
import { num, optimizerName } from './format.js';
import { themeColours } from './theme.js';
import * as charts from './charts.js';
import * as shell from './shell.js';
import { readAddress, writeAddress } from './address.js';
import { Scrubber } from './scrubber.js';

export class Runtime {
  constructor(figure, module) {
    this.figure = figure;
    this.module = module;
    this.id = figure.id;
    this.api = figure.dataset.api;
    this.config = JSON.parse(figure.dataset.config);
    this.controls = JSON.parse(figure.dataset.controls);
    this.defaultSpecs = JSON.parse(figure.dataset.runs);
    this.specs = this.defaultSpecs;
    this.runsUrl = figure.dataset.runsUrl;
    this.local = {};
    /** What the learner set, by control name; a control left out keeps what the server picks. */
    this.values = {};
    /** Changes made while a run played: [{at, 'optimizer.lr': 0.01}]. */
    this.forks = [];
    this.ticket = 0;
    this.player = new Player(this.api, {
      draw: (t, reset) => this.#draw(t, reset),
      ended: () => this.#ended(),
      changed: () => this.#playbackChanged(),
      failed: (stream) => this.setSummary(`The run could not start: ${stream.error}`, true),
      busy: (text) => this.#busy(text),
    });
    this.player.speed = this.config.speed;
    this.pytorch = new shell.PyTorchPanel(figure, this.api, () => this.player.runs.map((run) => run.spec));
    // each control's current value reads as a property, e.g. figure.widget.lr
    for (const c of this.controls) {
      if (!(c.name in this)) Object.defineProperty(this, c.name, { get: () => this.value(c.name) });
    }
    document.addEventListener('downhill:theme', () => this.#replot());
  }

  async launch() {
    const { values, forks, t: wanted } = readAddress(this.id, this.controls);
    this.values = values;
    this.forks = forks;
    this.controls.forEach((c) => this.#bind(c));
    this.#bindPlayback();
    this.#showControls();
    try {
      this.specs = await this.#fetchRuns();
    } catch (error) {
      // a link the server no longer accepts opens the widget as its author wrote it
      this.values = {};
      this.forks = [];
      this.specs = this.defaultSpecs;
      this.#showControls();
    }
    await this.module.charts(this);
    this.#bindClicks();
    this.player.setRuns(this.specs);
    this.#markForks();
    this.setSummary('Press Play to start the run.');
    if (wanted > 0) this.player.goTo(wanted);
  }

  // ----- values -----
  control(name) {
    return this.controls.find((c) => c.name === name);
  }

  /** A control's value now: its last fork, else what the learner set, else the block's. */
  value(name) {
    const c = this.control(name);
    if (!c) return this.config[name];
    for (let i = this.forks.length - 1; i >= 0; i--) {
      if (c.path in this.forks[i]) return this.forks[i][c.path];
    }
    return name in this.values ? this.values[name] : c.value;
  }

  /** Sets a control as the learner would; a live one forks a playing run, the rest restart it. */
  async set(name, v) {
    const c = this.control(name);
    if (!c) return;
    if (c.live && this.player.t > 0) {
      await this.#fork(c, v);
      return;
    }
    this.#foldForks();
    this.values[name] = v;
    (c.resets ?? []).forEach((other) => delete this.values[other]);
    this.#showControls();
    if (!c.path) {
      // only the view changes, not the runs
      await this.#replot();
      this.writeHash();
      return;
    }
    await this.restart();
  }

  /** Runs again from step 0 with the current values. */
  async restart() {
    const ticket = ++this.ticket;
    // the old values' runs stop now, not when the new ones arrive: their late steps would draw on
    // the new charts (a line from the old start); a Play pressed meanwhile plays the new runs
    this.playWhenReady = this.playWhenReady || this.player.playing;
    this.player.hold();
    this.restarting = true;
    let specs;
    try {
      specs = await this.#fetchRuns();
    } catch (error) {
      if (ticket === this.ticket) {
        this.restarting = false;
        this.playWhenReady = false;
        this.setSummary(`The run could not start: ${error.message}`, true);
      }
      return;
    }
    if (ticket !== this.ticket) return;
    this.specs = specs;
    await this.module.charts(this);
    if (ticket !== this.ticket) return;
    this.#bindClicks();
    this.player.setRuns(specs);
    this.restarting = false;
    this.writeHash();
    this.setSummary('Press Play to start the run.');
    this.pytorch.refresh();
    if (this.playWhenReady) {
      this.playWhenReady = false;
      this.#play();
    }
  }

  async #fork(c, v) {
    const at = this.player.t;
    this.forks = this.forks.filter((f) => f.at < at);
    this.forks.push({ at, [c.path]: v });
    this.#showControls();
    this.#markForks();
    const ticket = ++this.ticket;
    let specs;
    try {
      specs = await this.#fetchRuns();
    } catch (error) {
      if (ticket === this.ticket) this.setSummary(`The change could not apply: ${error.message}`, true);
      return;
    }
    if (ticket !== this.ticket) return;
    this.specs = specs;
    specs.forEach((spec, i) => this.player.fork(i, spec, at));
    this.writeHash();
    this.pytorch.refresh();
  }

  /** Before a restart, the values the forks reached become the values to start from. */
  #foldForks() {
    for (const fork of this.forks) {
      for (const [path, v] of Object.entries(fork)) {
        const c = this.controls.find((x) => x.path === path);
        if (c) this.values[c.name] = v;
      }
    }
    this.forks = [];
  }

  /** The runs of the current state, from the server; the block's own are in the page already. */
  async #fetchRuns() {
    const state = { ...this.values };
    if (this.forks.length) state.forks = this.forks;
    if (Object.keys(state).length === 0) return this.defaultSpecs;
    const response = await fetchApi(`${this.runsUrl}&state=${encodeURIComponent(JSON.stringify(state))}`, {
      onBusy: (seconds) => this.#busy(busyText(seconds)),
    });
    this.#busy(null);
    if (!response.ok) throw new Error(await problemText(response));
    return (await response.json()).runs;
  }

  // ----- controls in the page -----
  #bind(c) {
    const input = this.figure.querySelector(`[data-control="${c.name}"]`);
    if (!input) return;
    const output = input.parentElement.querySelector('output');
    const read = () => {
      if (c.kind === 'toggle') return input.checked;
      if (c.kind === 'slider') {
        const v = Number(input.value);
        // three significant digits: enough that each step of a log slider shows a new value
        const value = c.scale === 'log' ? Number((10 ** v).toPrecision(3)) : v;
        return Math.min(c.max, Math.max(c.min, value));
      }
      return input.value;
    };
    input.addEventListener('input', () => {
      if (output && c.kind === 'slider') output.textContent = num(read(), 3);
    });
    input.addEventListener('change', () => this.set(c.name, read()));
  }

  /** Shows every control at its current value, and which ones the current choices use. */
  #showControls() {
    for (const c of this.controls) {
      const input = this.figure.querySelector(`[data-control="${c.name}"]`);
      if (!input) continue;
      const v = this.value(c.name);
      if (c.kind === 'toggle') input.checked = Boolean(v);
      else if (c.kind === 'slider') input.value = c.scale === 'log' ? Math.log10(v) : v;
      else if (c.kind === 'select') input.value = v;
      const output = input.parentElement.querySelector('output');
      if (output && typeof v === 'number') output.textContent = num(v, 3);
      if (c.dependsOn) {
        // a value the labels do not name leaves the control unused: greyed out when the labels
        // say how ('*'), hidden otherwise
        const label = c.labels[this.value(c.dependsOn)];
        input.disabled = !label;
        input.closest('.control').hidden = !label && !('*' in c.labels);
        input.parentElement.querySelector('label').textContent = label ?? c.labels['*'] ?? c.label;
      }
    }
  }

  /** A click on a chart marked data-sets="start" sets that control (not on a 3D surface). */
  #bindClicks() {
    this.figure.querySelectorAll('[data-sets]').forEach((chart) => {
      const c = this.control(chart.dataset.sets);
      chart.removeAllListeners?.('plotly_click');
      if (!c || !chart.on) return;
      chart.on('plotly_click', (event) => {
        const p = event.points?.[0];
        if (!p || p.z !== undefined && chart.data?.[0]?.type === 'surface') return;
        const x = Number(p.x.toPrecision(4));
        this.set(c.name, c.kind === 'point' ? [x, Number(p.y.toPrecision(4))] : x);
      });
    });
  }

  /** Dotted lines on the loss chart where the runs forked, labelled with what changed. */
  #markForks() {
    const loss = this.figure.querySelector('[data-chart="loss"]');
    if (!loss?.layout) return;
    const c = themeColours();
    const shapes = this.forks.map((f) => ({ type: 'line', xref: 'x', yref: 'paper', x0: f.at, x1: f.at, y0: 0, y1: 1, line: { color: c.faint, width: 1.5, dash: 'dot' } }));
    const annotations = this.forks.map((f) => ({
      x: f.at, y: 1, xref: 'x', yref: 'paper', showarrow: false, xanchor: 'left', yanchor: 'top', font: { size: 11, color: c.soft }, bgcolor: c.bg,
      text: Object.entries(f).filter(([k]) => k !== 'at').map(([path, v]) => `${path.split('.').pop()} → ${num(v, 3)}`).join(', '),
    }));
    charts.plotly().relayout(loss, { shapes, annotations });
  }

  async #replot() {
    await this.module.charts(this);
    this.#bindClicks();
    this.#markForks();
    this.#draw(this.player.t, true);
  }

  writeHash() {
    writeAddress(this.id, this.controls, this.values, this.forks, this.player.t);
  }

  // ----- playback -----
  #draw(t, reset) {
    this.module.draw(this, t, reset);
    shell.updateReadouts(this.figure, this.player, t);
    // the step scrubber under the charts: created on the first draw, then follows the clock
    (this.scrubber ??= new Scrubber(this.figure, this.player)).show(t);
    if (!this.player.playing) {
      clearTimeout(this.hashTimer);
      this.hashTimer = setTimeout(() => this.writeHash(), 150);
    }
    if (this.firstPointPending && t > 0) {
      this.firstPointPending = false;
      performance.measure(`${this.id}-first-point`, `${this.id}-play`);
    }
  }

  #ended() {
    this.figure.dispatchEvent(new CustomEvent('downhill:run-ended'));
    this.setSummary(this.module.summary(this));
    this.writeHash();
  }

  #playbackChanged() {
    shell.showPlayback(this.figure, this.player);
    if (!this.player.playing) this.writeHash();
  }

  #busy(text) {
    shell.showBusy(this.figure, text);
  }

  setSummary(text, isError = false) {
    shell.setSummary(this.figure, text, isError);
  }

  describeRun(i, label) {
    return shell.describeRun(this.player.runs[i], label);
  }

  runLabel(i) {
    return this.module.label?.(this, i) ?? optimizerName(this.player.runs[i].spec.optimizer.name);
  }

  #bindPlayback() {
    const on = (action, handler) => this.figure.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('play', () => {
      if (this.restarting) this.playWhenReady = !this.playWhenReady;
      else if (this.player.playing) this.player.pause();
      else this.#play();
    });
    on('step', () => this.player.stepOnce());
    on('reset', () => { this.player.pause(); this.player.goTo(0); this.writeHash(); });
    on('download-csv', () => this.#download('csv'));
    on('download-json', () => this.#download('json'));
    on('pytorch', () => this.pytorch.toggle());
    on('copy-pytorch', () => this.pytorch.copy());
    const speed = this.figure.querySelector('[data-control="speed"]');
    speed?.addEventListener('input', () => {
      this.player.speed = Number(speed.value);
      speed.parentElement.querySelector('output').textContent = `${speed.value}/s`;
    });
  }

  #play() {
    performance.mark(`${this.id}-play`);
    this.firstPointPending = true;
    this.player.play();
  }

  #download(kind) {
    shell.download(this.figure, kind, this.player.runs.map((run, i) => ({ label: this.runLabel(i), spec: run.spec, status: run.status, steps: run.steps })));
  }
}
