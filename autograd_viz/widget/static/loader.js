// autograd_viz Stepper, as a notebook stores it: stepper.js and stepper.css deflated into
// one string (every widget output keeps its own copy of its front end), unpacked once per
// page and version, then the same module's render() runs. save_html embeds stepper.js itself.
const KEY = "__KEY__";
const Z = "__PAYLOAD__";
async function unpack() {
  const bytes = Uint8Array.from(atob(Z), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const { js, css } = JSON.parse(await new Response(stream).text());
  if (!document.getElementById("av-css-" + KEY)) {
    const style = document.createElement("style");
    style.id = "av-css-" + KEY;
    style.textContent = css;
    document.head.appendChild(style);
  }
  const url = URL.createObjectURL(new Blob([js], { type: "text/javascript" }));
  try {
    return (await import(url)).default;
  } finally {
    URL.revokeObjectURL(url);
  }
}
export default {
  async render(ctx) {
    const cache = (globalThis.__avStepper = globalThis.__avStepper || {});
    cache[KEY] = cache[KEY] || unpack();
    return (await cache[KEY]).render(ctx);
  },
};
