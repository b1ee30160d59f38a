// custom-function: the learner types f(x, y); the server parses it safely, differentiates it with
// reverse-mode autodiff, and several optimizers race on it. The runtime sends the typed text to
// the server and shows a typo under the box; this module draws the race.

import { colour } from './theme.js';
import * as paths from './paths.js';
import { num, optimizerName, toNumber } from './format.js';

async function plot(w) {
  await paths.plotRuns(w, w.specs.map((spec) => ({ label: optimizerName(spec.optimizer.name), colour: colour(spec.optimizer.name) })));
}

function draw(w, t, reset) {
  paths.drawRuns(w, t, reset, (i, step) => String(step?.t ?? 0));
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
