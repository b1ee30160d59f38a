// What every widget shares: playback buttons, speed, readouts, the summary line, downloads,
// state in the URL hash, theme colours, and the Player that streams the runs.

import { Player } from './player.js';
import { num, vec, optimizerName, toNumber } from './format.js';
import { fetchApi } from './net.js';
import { optimizerColourKey } from './catalogue.js';

const css = () => getComputedStyle(document.documentElement);

export function colour(name) {
  return css().getPropertyValue(`--opt-${optimizerColourKey(name)}`).trim() || css().getPropertyValue('--accent').trim();
}

export function themeColours() {
  const s = css();
  const v = (n) => s.getPropertyValue(n).trim();
  return { fg: v('--fg'), soft: v('--fg-soft'), faint: v('--fg-faint'), border: v('--border'), bg: v('--bg'), accent: v('--accent'), raised: v('--bg-raised') };
}

/** Colours for runs that are not optimizers (e.g. three learning rates), from the same palette. */
export const SERIES = ['sgd', 'momentum', 'nesterov', 'adagrad'];

export class Widget {
  constructor(figure) {
    this.figure = figure;
    this.config = JSON.parse(figure.dataset.config);
    this.api = figure.dataset.api;
    this.id = figure.id;
    this.changes = [];
    this.state = {};
    this.player = new Player(this.api, {
      draw: (t, reset) => this.#draw(t, reset),
      ended: () => this.#ended(),
      changed: () => this.#playbackChanged(),
      failed: (stream) => this.setSummary(`The run could not start: ${stream.error}`, true),
      busy: (text) => this.#busy(text),
    });
    this.player.speed = this.config.speed;
    this.#bindPlayback();
    document.addEventListener('downhill:theme', () => this.themeChanged());
  }

  // ----- to be provided by each widget type -----
  /** The run specs for the current state. */
  specs() { return []; }
  /** Draw step t of every run (reset: redraw from scratch). */
  draw(t, reset) {}
  /** One sentence for screen readers when the runs end. */
  summary() { return ''; }
  themeChanged() {}

  // ----- life cycle -----
  async launch() {
    this.defaults = this.currentState();
    this.readHash();
    await this.setup();
    this.changes = this.restoredChanges();
    this.player.setRuns(this.specs());
    this.changes.forEach((c) => this.markChange(c.at, c));
    this.setSummary('Press Play to start the run.');
    const wanted = Number(this.state.t);
    if (wanted > 0) this.player.goTo(wanted);
  }

  async setup() {}

  /** Runs again from step 0 with the current controls. */
  restart() {
    this.changes = [];
    this.player.setRuns(this.specs());
    this.writeHash();
    this.setSummary('Press Play to start the run.');
    this.refreshPyTorch();
  }

  /**
   * A hyper-parameter changed. From step 0 the run simply restarts; later, the runs fork: the
   * change applies from the current step on, and the loss chart marks where.
   */
  changeParameter(values) {
    const t = this.player.t;
    if (t === 0) {
      this.restart();
      return;
    }
    this.changes = this.changes.filter((c) => c.at < t);
    this.changes.push({ at: t, ...values });
    this.specs().forEach((spec, i) => this.player.fork(i, spec));
    this.writeHash();
    this.markChange(t, values);
    this.refreshPyTorch();
  }

  markChange(t, values) {}

  #draw(t, reset) {
    this.draw(t, reset);
    this.updateReadouts(t);
    if (!this.player.playing) {
      clearTimeout(this.hashTimer);
      this.hashTimer = setTimeout(() => this.writeHash(), 150);
    }
    if (this.firstPointPending && t > 0) {
      this.firstPointPending = false;
      performance.measure(`${this.id}-first-point`, `${this.id}-play`);
    }
  }

  updateReadouts(t) {
    const step = this.player.runs.length ? this.player.stepOf(0, t) : null;
    const set = (name, text) => {
      const el = this.figure.querySelector(`[data-readout="${name}"]`);
      if (el) el.textContent = text;
    };
    set('t', String(t));
    if (!step) return;
    set('loss', num(toNumber(step.loss)));
    set('params', step.params.length === 1 ? num(toNumber(step.params[0])) : vec(step.params.map(toNumber), 3));
    set('grad_norm', num(toNumber(step.grad_norm)));
    set('lr', num(step.lr));
  }

  #ended() {
    this.figure.dispatchEvent(new CustomEvent('downhill:run-ended'));
    this.setSummary(this.summary());
    this.writeHash();
  }

  #playbackChanged() {
    const button = this.figure.querySelector('[data-action="play"]');
    const playing = this.player.playing;
    button.setAttribute('aria-pressed', String(playing));
    button.querySelector('.label').textContent = playing ? 'Pause' : (this.player.atEnd ? 'Replay' : 'Play');
    this.figure.classList.toggle('is-playing', playing);
    if (playing) this.setSummary('Running…');
    else if (!this.player.atEnd && this.player.t > 0) this.setSummary(`Paused at step ${this.player.t}.`);
    if (!playing) this.writeHash();
  }

  /** While the server is busy the summary says so; once it answers, what it said before returns. */
  #busy(text) {
    const el = this.figure.querySelector('[data-summary]');
    if (text) {
      if (this.beforeBusy === undefined) this.beforeBusy = el.textContent;
      this.setSummary(text);
    } else if (this.beforeBusy !== undefined) {
      this.setSummary(this.beforeBusy);
      this.beforeBusy = undefined;
    }
  }

  setSummary(text, isError = false) {
    const el = this.figure.querySelector('[data-summary]');
    el.textContent = text;
    el.classList.toggle('is-error', isError);
  }

  /** "Adam reached loss 3.2e-4 in 142 steps" for run i. */
  describeRun(i, label) {
    const run = this.player.runs[i];
    const last = run.steps[run.steps.length - 1];
    const status = run.status;
    if (!status || !last) return `${label}: no result`;
    const loss = num(toNumber(last.loss), 3);
    if (status.reason === 'diverged') return `${label} diverged after ${status.steps} steps (loss ${loss})`;
    if (status.reason === 'converged') return `${label} converged to loss ${loss} in ${status.steps} steps`;
    return `${label} reached loss ${loss} in ${status.steps} steps`;
  }

  // ----- controls -----
  #bindPlayback() {
    const on = (action, handler) => this.figure.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('play', () => {
      if (!this.player.playing) {
        performance.mark(`${this.id}-play`);
        this.firstPointPending = true;
      }
      this.player.toggle();
    });
    on('step', () => this.player.stepOnce());
    on('reset', () => { this.player.pause(); this.player.goTo(0); this.writeHash(); });
    on('download-csv', () => this.download('csv'));
    on('download-json', () => this.download('json'));
    on('pytorch', () => this.togglePyTorch());
    on('copy-pytorch', () => this.copyPyTorch());
    this.bindControl('speed', (value) => { this.player.speed = value; return `${value}/s`; });
  }

  /** Binds a slider or select; the handler gets the value and may return the text to show. */
  bindControl(name, handler, { live = false } = {}) {
    const input = this.figure.querySelector(`[data-control="${name}"]`);
    if (!input) return null;
    const output = input.parentElement.querySelector('output');
    const read = () => {
      if (input.type === 'checkbox') return input.checked;
      if (input.type === 'range') {
        const v = Number(input.value);
        return input.dataset.scale === 'log' ? Number((10 ** v).toPrecision(2)) : v;
      }
      return input.value;
    };
    const show = (text) => { if (output && text !== undefined) output.textContent = text; };
    input.addEventListener('input', () => {
      const v = read();
      show(input.dataset.scale === 'log' ? num(v, 3) : (typeof v === 'number' ? num(v, 3) : undefined));
      if (live) show(handler(v));
    });
    input.addEventListener('change', () => show(handler(read())));
    return input;
  }

  /** Whether a value lies within a slider's range as the server rendered it (for restoring links). */
  controlAllows(name, value) {
    const input = this.figure.querySelector(`[data-control="${name}"]`);
    if (!input || !Number.isFinite(value)) return false;
    const v = input.dataset.scale === 'log' ? Math.log10(value) : value;
    return v >= Number(input.min) && v <= Number(input.max);
  }

  /** Sets a control's value without firing its handler (used when restoring a shared link). */
  setControl(name, value) {
    const input = this.figure.querySelector(`[data-control="${name}"]`);
    if (!input) return;
    if (input.type === 'checkbox') input.checked = Boolean(value);
    else if (input.type === 'range' && input.dataset.scale === 'log') input.value = Math.log10(value);
    else input.value = value;
    const output = input.parentElement.querySelector('output');
    if (output) output.textContent = typeof value === 'number' ? num(value, 3) : value;
  }

  // ----- state in the URL hash: #w1.lr=0.1&w1.start=1,2&w1.changes=40:lr:0.01 -----
  hashParams() {
    return new URLSearchParams(window.location.hash.slice(1));
  }

  hashValue(key) {
    return this.hashParams().get(`${this.id}.${key}`);
  }

  readHash() {
    const params = this.hashParams();
    const prefix = `${this.id}.`;
    for (const [key, value] of params) {
      if (key.startsWith(prefix)) this.state[key.slice(prefix.length)] = value;
    }
    this.restoreState(this.state);
  }

  /** Applies a restored state to the controls; widgets override and call super. */
  restoreState(state) {}

  /** The widget's own state as strings; widgets override. */
  currentState() { return {}; }

  writeHash() {
    const params = this.hashParams();
    for (const key of [...params.keys()]) if (key.startsWith(`${this.id}.`)) params.delete(key);
    const state = Object.fromEntries(Object.entries(this.currentState())
      .filter(([key, value]) => this.defaults?.[key] !== value));
    if (this.changes.length) {
      state.changes = this.changes.map((c) => `${c.at}:${Object.entries(c).filter(([k]) => k !== 'at').map(([k, v]) => `${k}:${v}`).join(':')}`).join(',');
    }
    if (this.player.t > 0) state.t = String(this.player.t);
    for (const [key, value] of Object.entries(state)) params.set(`${this.id}.${key}`, value);
    const hash = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
    history.replaceState(null, '', hash ? `#${hash}` : window.location.pathname + window.location.search);
  }

  /** Changes restored from the hash, as {at, key: value} objects. */
  restoredChanges() {
    const text = this.state.changes;
    if (!text) return [];
    return text.split(',').map((part) => {
      const [at, ...pairs] = part.split(':');
      const change = { at: Number(at) };
      for (let i = 0; i + 1 < pairs.length; i += 2) change[pairs[i]] = Number(pairs[i + 1]);
      return change;
    }).filter((c) => Number.isInteger(c.at) && c.at >= 1);
  }

  // ----- downloads -----
  download(kind) {
    const runs = this.player.runs.map((run, i) => ({ label: this.runLabel(i), spec: run.spec, status: run.status, steps: run.steps }));
    let text;
    let type;
    if (kind === 'json') {
      text = JSON.stringify({ widget: this.config.type ?? this.figure.dataset.widget, runs }, null, 1);
      type = 'application/json';
    } else {
      const dim = runs[0]?.steps[0]?.params.length ?? 0;
      const header = ['run', 't', ...Array.from({ length: dim }, (_, d) => `w${d + 1}`), 'loss',
        ...Array.from({ length: dim }, (_, d) => `grad${d + 1}`), 'grad_norm', 'lr'];
      const rows = [header.join(',')];
      for (const run of runs) {
        for (const s of run.steps) {
          rows.push([JSON.stringify(run.label), s.t, ...s.params, s.loss, ...s.grad, s.grad_norm, s.lr].join(','));
        }
      }
      text = rows.join('\n') + '\n';
      type = 'text/csv';
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = `downhill-${this.figure.dataset.widget}-${this.id}.${kind}`;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  // ----- the same run as a PyTorch script, written by the server -----
  togglePyTorch() {
    const panel = this.figure.querySelector('[data-pytorch]');
    const button = this.figure.querySelector('[data-action="pytorch"]');
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) this.refreshPyTorch();
  }

  async refreshPyTorch() {
    const panel = this.figure.querySelector('[data-pytorch]');
    if (!panel || panel.hidden || !this.player.runs.length) return;
    const code = panel.querySelector('[data-pytorch-code]');
    const specs = this.player.runs.map((run) => run.spec);
    const ticket = (this.pytorchTicket = (this.pytorchTicket ?? 0) + 1);
    code.textContent = '# writing the script…';
    const response = await fetchApi(`${this.api}/runs/pytorch?spec=${encodeURIComponent(JSON.stringify(specs.length === 1 ? specs[0] : specs))}`);
    const text = response.ok ? await response.text() : `# The server could not write the script (${response.status}).`;
    if (ticket !== this.pytorchTicket) return;
    code.textContent = text;
    delete code.dataset.highlighted;
    if (window.hljs) window.hljs.highlightElement(code);
    panel.dataset.ready = 'true';
  }

  async copyPyTorch() {
    const text = this.figure.querySelector('[data-pytorch-code]').textContent;
    const status = this.figure.querySelector('[data-copy-status]');
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch (error) {
      // no clipboard API (a page served over plain http to another machine): select and copy
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      copied = document.execCommand('copy');
      area.remove();
    }
    status.textContent = copied ? 'Copied' : 'Could not copy: select the script and copy it by hand';
    clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => { status.textContent = ''; }, 4000);
  }

  runLabel(i) {
    return optimizerName(this.player.runs[i].spec.optimizer.name);
  }
}
