// The optimizers' labels and colour keys as the server registered them, read from the JSON block
// the page embeds once (id "downhill-catalogue"). An unknown name stands for itself.

let optimizers = null;

function registered() {
  if (optimizers === null) {
    const block = document.getElementById('downhill-catalogue');
    optimizers = block ? JSON.parse(block.textContent).optimizers : {};
  }
  return optimizers;
}

/** "AdaGrad" for adagrad. */
export function optimizerLabel(name) {
  return registered()[name]?.label ?? name;
}

/** The key of the optimizer's CSS colour, --opt-<key>. */
export function optimizerColourKey(name) {
  return registered()[name]?.colour ?? name;
}
