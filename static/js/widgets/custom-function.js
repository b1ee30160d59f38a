// custom-function: the learner types f(x, y); the server parses it safely, differentiates it with
// reverse-mode autodiff, and several optimizers race on it. The runtime sends the typed text to
// the server and shows a typo under the box; this module draws the race.

import { colour } from './theme.js';
import * as charts from './charts.js';
import * as paths from './paths.js';
import { Board } from './board.js';
import { num, optimizerName, toNumber } from './format.js';

async function plot(w) {
  const problem = w.specs[0].problem;
  const key = JSON.stringify(problem);
  if (w.local.landKey !== key) {
    w.local.land = await charts.landscape(w.api, problem, 80);
    w.local.landKey = key;
  }
  const series = w.specs.map((spec) => ({ label: optimizerName(spec.optimizer.name), colour: colour(spec.optimizer.name) }));
  w.local.view = { id: w.id, contour: w.figure.querySelector('[data-chart="contour"]'), loss: w.figure.querySelector('[data-chart="loss"]') };
  await paths.plot(w.local.view, w.local.land, series);
  w.local.board = w.local.board ?? new Board(w, w.figure.querySelector('[data-board] tbody'));
  w.local.board.build(series);
}

function draw(w, t, reset) {
  if (!w.local.view?.drawn || !w.local.view.contour.data) return;
  paths.draw(w.local.view, w.player, t, reset);
  w.local.board.fill(t, (i) => {
    const step = w.player.stepOf(i, t);
    return [num(w.specs[i].optimizer.lr, 3), String(step?.t ?? 0), step ? num(toNumber(step.loss), 3) : '–', w.local.board.statusAt(i, t)];
  });
}

function summary(w) {
  const names = w.specs.map((spec) => spec.optimizer.name);
  const finals = names.map((name, i) => {
    const steps = w.player.runs[i].steps;
    return { name, value: toNumber(steps[steps.length - 1].loss), diverged: w.player.runs[i].status?.reason === 'diverged' };
  }).filter((r) => !r.diverged && Number.isFinite(r.value)).sort((a, b) => a.value - b.value);
  const lead = finals.length ? `${optimizerName(finals[0].name)} ended lowest, at f = ${num(finals[0].value, 3)}. ` : '';
  return lead + names.map((name, i) => w.describeRun(i, optimizerName(name))).join('; ') + '.';
}

export default { charts: plot, draw, summary };
