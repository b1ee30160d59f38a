// The controls of a widget in its page, as the server rendered them: each one sets its value on
// the runtime as the learner uses it, shows the value the runtime holds, and shows beside itself a
// reason the server gave for refusing it (a typed function's typo).

import { num } from './format.js';
import { fetchJson } from './net.js';
import { showExpressionError } from './expression-error.js';

/** Makes a control in the page set its value on the widget `w` (the runtime) as the learner uses it. */
export function bindControl(w, c) {
  const input = w.figure.querySelector(`[data-control="${c.name}"]`);
  if (!input) return;
  const output = input.parentElement.querySelector('output');
  if (c.kind === 'press') {
    // a button that flips its value; marked data-plays, turning it on also plays the new runs
    input.addEventListener('click', async () => {
      const on = !w.value(c.name);
      await w.set(c.name, on);
      if (on && 'plays' in input.dataset && w.value(c.name)) w.player.play();
    });
    return;
  }
  if (c.kind === 'point') {
    // number boxes beside the chart's click: each arrow press (or a typed number) moves the point
    const boxes = [...input.querySelectorAll('input[data-coordinate]')];
    let timer = 0;
    const send = () => {
      clearTimeout(timer);
      const now = w.control(c.name);
      const v = boxes.map((box, k) => Number(box.value));
      if (!v.every(Number.isFinite)) return;
      const inside = v.map((x, k) => Math.min(now.axes[k][1], Math.max(now.axes[k][0], x)));
      if (inside.every((x, k) => x === w.value(c.name)?.[k])) return;
      w.set(c.name, inside);
    };
    for (const box of boxes) {
      // typing waits for a pause, so "-1.5" is not sent as "-", "-1" and "-1.5"
      box.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(send, 400); });
      box.addEventListener('change', send);
    }
    return;
  }
  if (c.kind === 'text') {
    // sent when its form is submitted, not on every key, once the server's checker accepts it
    input.form?.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (text === w.value(c.name)) {
        // the function in use, sent again: nothing to check or to fetch; a rejected text's message goes
        showControlError(w.figure, c, text, null);
        return;
      }
      if (c.text?.check) {
        const check = await fetchJson(`${w.api}/${c.text.check}${c.text.check.includes('?') ? '&' : '?'}text=${encodeURIComponent(text)}`)
          .catch((error) => ({ valid: false, message: error.message }));
        if (!check.valid) {
          showControlError(w.figure, c, text, check.message);
          return;
        }
      }
      w.set(c.name, text);
    });
    return;
  }
  const read = () => {
    if (c.kind === 'toggle') return input.checked;
    if (c.kind === 'slider') {
      // the control as the current state has it: its range may have moved since the page opened
      c = w.control(c.name);
      const v = Number(input.value);
      // three significant digits: enough that each step of a log slider shows a new value
      const value = c.scale === 'log' ? Number((10 ** v).toPrecision(3)) : v;
      return Math.min(c.max, Math.max(c.min, value));
    }
    return input.value;
  };
  input.addEventListener('input', () => {
    if (c.kind !== 'slider') return;
    const v = read();
    if (output) output.textContent = num(v, 3);
    // while the thumb moves, the runs of the value under it are drawn whole and faint
    w.previewSlider(c.name, v);
  });
  input.addEventListener('change', () => w.set(c.name, read()));
}

/** Shows every control of `w` at its current value, and which ones the current choices use. */
export function showControls(w) {
  for (const c of w.controls) {
    const input = w.figure.querySelector(`[data-control="${c.name}"]`);
    if (!input) continue;
    const v = w.value(c.name);
    if (c.kind === 'toggle') input.checked = Boolean(v);
    else if (c.kind === 'press') {
      input.setAttribute('aria-pressed', String(Boolean(v)));
      const label = input.querySelector('.label') ?? input;
      label.textContent = c.labels[String(Boolean(v))];
    }
    else if (c.kind === 'slider') {
      const at = (x) => (c.scale === 'log' ? Math.log10(x) : x);
      input.min = at(c.min);
      input.max = at(c.max);
      input.step = c.step;
      input.value = at(v);
    }
    else if (c.kind === 'select' || c.kind === 'text') input.value = v;
    else if (c.kind === 'point' && Array.isArray(v)) {
      input.querySelectorAll('input[data-coordinate]').forEach((box) => {
        // the box being typed in keeps what is typed
        if (box !== document.activeElement) box.value = String(v[Number(box.dataset.coordinate)]);
      });
    }
    const output = input.parentElement.querySelector('output');
    if (output && typeof v === 'number') output.textContent = num(v, 3);
    if (c.dependsOn) {
      // a value the labels do not name leaves the control unused: greyed out when the labels
      // say how ('*'), hidden otherwise
      const label = c.labels[w.value(c.dependsOn)];
      input.disabled = !label;
      input.closest('.control').hidden = !label && !('*' in c.labels);
      input.parentElement.querySelector('label').textContent = label ?? c.labels['*'] ?? c.label;
    }
  }
}

/**
 * Shows the server's reason beside a control that has a place for it (a typed function: the
 * reason, and a caret under the column at fault), or clears it (detail null). False when the
 * control has no such place.
 */
export function showControlError(figure, c, text, detail) {
  const el = c && figure.querySelector(`[data-control-error="${c.name}"]`);
  const input = c && figure.querySelector(`[data-control="${c.name}"]`);
  if (!el || !input) return false;
  showExpressionError(input, el, text ?? input.value, detail);
  return true;
}
