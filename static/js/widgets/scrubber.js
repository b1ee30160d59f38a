// The step scrubber under a widget's charts: one range input over the steps of the runs. Moving
// it pauses playback and shows that step on every chart of the widget and in the readouts, since
// the runtime draws all of them from the player's one clock. Arrow keys move it a step at a time.

export class Scrubber {
  /** @param figure the widget's figure (its page holds the scrubber); @param player its Player (the clock every chart follows) */
  constructor(figure, player) {
    this.player = player;
    // the page has it from the start, so nothing under the charts moves when the widget starts
    this.box = figure.querySelector('.widget-scrubber');
    if (!this.box) return;
    this.input = this.box.querySelector('input');
    this.output = this.box.querySelector('output');
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
