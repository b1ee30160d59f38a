// The small table under multi-run widgets: one row per run, filled in as the clock moves.

import { num } from './format.js';

export class Board {
  /** @param widget the widget whose player holds the runs; @param tbody the table body to fill */
  constructor(widget, tbody) {
    this.widget = widget;
    this.tbody = tbody;
  }

  /** One row per run: a colour swatch and a label, then `cells` empty columns (the first is the lr column). */
  build(rows, cells = 4) {
    if (!this.tbody) return;
    this.tbody.replaceChildren(...rows.map(({ label, colour }) => {
      const tr = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colour;
      name.append(swatch, label);
      tr.append(name);
      for (let k = 0; k < cells; k++) {
        const td = document.createElement('td');
        if (k === 0) td.className = 'col-lr';
        tr.append(td);
      }
      return tr;
    }));
  }

  /**
   * Fills each row from `cells(i, step)`, where step is run i's step at the clock's t. Rows that
   * are not runs (perRun false) get `cells(i)` alone.
   */
  fill(t, cells, { perRun = true } = {}) {
    if (!this.tbody) return;
    const player = this.widget.player;
    [...this.tbody.rows].forEach((tr, i) => {
      if (perRun && !player.runs[i]?.steps.length) return;
      const values = perRun ? cells(i, player.stepOf(i, t)) : cells(i);
      values.forEach((text, k) => { tr.cells[k + 1].textContent = text; });
    });
  }

  /** Status of run i as seen at step t, in words: not started, running, or how it ended. */
  statusAt(i, t) {
    const run = this.widget.player.runs[i];
    const last = run.steps.length - 1;
    if (run.status && t >= last) return endedWords(run.status);
    return t > 0 ? 'running' : 'not started';
  }
}

/**
 * How a run ended, as a learner reads it (the engine's reason ids are for programs). A run that ran
 * out of steps while its loss was still exploding says so: the server marks it (status.diverging).
 */
export function endedWords(status) {
  if (status.diverging) return `diverging: ${lossRose(status.diverging)}`;
  switch (status.reason) {
    case 'converged': return `converged (${(status.rule ?? '').replaceAll('_', ' ')})`;
    case 'diverged': return `diverged at step ${status.steps}`;
    case 'max-steps': return `ran all ${status.steps} steps`;
    default: return status.reason.replaceAll('-', ' ');
  }
}

/** "loss rose from 13 to 9.5e+8" */
export function lossRose(diverging) {
  return `loss rose from ${num(diverging.from, 3)} to ${num(diverging.to, 2)}`;
}
