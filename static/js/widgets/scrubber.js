// The step scrubber under a widget's charts: one range input over the steps of the runs. Moving
// it pauses playback and shows that step on every chart of the widget and in the readouts, since
// the runtime draws all of them from the player's one clock. Arrow keys move it a step at a time.

let count = 0;

export class Scrubber {
  /** @param figure the widget's figure; @param player its Player (the clock every chart follows) */
  constructor(figure, player) {
    this.player = player;
    const charts = figure.querySelector('.widget-charts');
    if (!charts) return;
    const id = `${figure.id || `widget-${++count}`}-scrub`;
    this.box = document.createElement('div');
    this.box.className = 'control widget-scrubber';
    this.box.innerHTML = `<label for="${id}">Step</label><input type="range" id="${id}" min="0" max="0" step="1" value="0"><output for="${id}" class="control-value">0</output>`;
    this.input = this.box.querySelector('input');
    this.output = this.box.querySelector('output');
    charts.after(this.box);
    // steps that arrived while the clock stood still are within reach as soon as it is touched
    for (const type of ['pointerdown', 'focus', 'keydown']) {
      this.input.addEventListener(type, () => this.show(this.player.t));
    }
    this.input.addEventListener('input', () => {
      this.player.pause();
      this.player.goTo(Number(this.input.value));
    });
  }

  /** Follows the clock: called with each step the widget draws. */
  show(t) {
    if (!this.input) return;
    const last = Math.max(this.player.lastStep, t);
    if (Number(this.input.max) !== last) this.input.max = String(last);
    if (Number(this.input.value) !== t) this.input.value = String(t);
    const text = `${t} / ${last}`;
    if (this.output.textContent !== text) {
      this.output.textContent = text;
      this.input.setAttribute('aria-valuetext', `step ${t} of ${last}`);
    }
  }
}
