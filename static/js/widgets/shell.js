// The parts of a widget's card that do not depend on its type: readouts, the summary line,
// downloads and the PyTorch panel.

import { num, vec, toNumber } from './format.js';
import { fetchApi } from './net.js';
import { lossRose } from './board.js';
import { loadScript } from './script.js';

/** Fills the iteration, loss, position, gradient and lr readouts from run 0 at step t. */
export function updateReadouts(figure, player, t) {
  const step = player.runs.length ? player.stepOf(0, t) : null;
  const set = (name, text) => {
    const el = figure.querySelector(`[data-readout="${name}"]`);
    if (el) el.textContent = text;
  };
  set('t', String(t));
  if (!step) return;
  set('loss', num(toNumber(step.loss)));
  set('params', step.params.length === 1 ? num(toNumber(step.params[0])) : vec(step.params.map(toNumber), 3));
  set('grad_norm', num(toNumber(step.grad_norm)));
  set('lr', num(step.lr));
}

export function setSummary(figure, text, isError = false) {
  const el = figure.querySelector('[data-summary]');
  el.textContent = text;
  el.classList.toggle('is-error', isError);
}

/** The Play button, the figure's class and the summary follow the player: playing, paused, ended. */
export function showPlayback(figure, player) {
  const button = figure.querySelector('[data-action="play"]');
  const playing = player.playing;
  button.setAttribute('aria-pressed', String(playing));
  button.querySelector('.label').textContent = playing ? 'Pause' : (player.atEnd ? 'Replay' : 'Play');
  figure.classList.toggle('is-playing', playing);
  if (playing) setSummary(figure, 'Running…');
  else if (!player.atEnd && player.t > 0) setSummary(figure, `Paused at step ${player.t}.`);
}

/** While the server is busy the summary says so; once it answers (text null), what it said before returns. */
export function showBusy(figure, text) {
  const el = figure.querySelector('[data-summary]');
  if (text) {
    if (el.dataset.beforeBusy === undefined) el.dataset.beforeBusy = el.textContent;
    setSummary(figure, text);
  } else if (el.dataset.beforeBusy !== undefined) {
    setSummary(figure, el.dataset.beforeBusy);
    delete el.dataset.beforeBusy;
  }
}

/** "Adam reached loss 3.2e-4 in 142 steps" for a run. */
export function describeRun(run, label) {
  const last = run.steps[run.steps.length - 1];
  const status = run.status;
  if (!status || !last) return `${label}: no result`;
  const loss = num(toNumber(last.loss), 3);
  if (status.reason === 'diverged') return `${label} diverged after ${status.steps} steps (loss ${loss})`;
  if (status.diverging) return `${label} was diverging after ${status.steps} steps: ${lossRose(status.diverging)}`;
  if (status.reason === 'converged') return `${label} converged to loss ${loss} in ${status.steps} steps`;
  return `${label} reached loss ${loss} in ${status.steps} steps`;
}

/** The runs as a CSV or JSON file the browser saves. */
export function download(figure, kind, runs) {
  let text;
  let type;
  if (kind === 'json') {
    text = JSON.stringify({ widget: figure.dataset.widget, runs }, null, 1);
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
  link.download = `downhill-${figure.dataset.widget}-${figure.id}.${kind}`;
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

/** The same runs as a PyTorch script, written by the server; opens and closes the panel. */
export class PyTorchPanel {
  constructor(figure, api, specs) {
    this.figure = figure;
    this.api = api;
    this.specs = specs;
    this.ticket = 0;
  }

  toggle() {
    const panel = this.figure.querySelector('[data-pytorch]');
    const button = this.figure.querySelector('[data-action="pytorch"]');
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) this.refresh();
  }

  async refresh() {
    const panel = this.figure.querySelector('[data-pytorch]');
    const specs = this.specs();
    if (!panel || panel.hidden || !specs.length) return;
    const code = panel.querySelector('[data-pytorch-code]');
    const ticket = ++this.ticket;
    code.textContent = '# writing the script…';
    const response = await fetchApi(`${this.api}/runs/pytorch?spec=${encodeURIComponent(JSON.stringify(specs.length === 1 ? specs[0] : specs))}`);
    const text = response.ok ? await response.text() : `# The server could not write the script (${response.status}).`;
    if (ticket !== this.ticket) return;
    code.textContent = text;
    delete code.dataset.highlighted;
    // the highlighter loads with the first script shown, not with every widget page
    const highlighter = document.body.dataset.highlight;
    if (!window.hljs && highlighter) await loadScript(highlighter, 'the highlighter could not be loaded').catch(() => {});
    if (ticket !== this.ticket) return;
    if (window.hljs) window.hljs.highlightElement(code);
    panel.dataset.ready = 'true';
  }

  async copy() {
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
}
