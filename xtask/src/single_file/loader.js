// The single file's loader, appended to the wasm-bindgen glue inside one inline module script
// (xtask/src/single_file/page.rs puts `initWasm`, the glue's init function, just above this).
//
// The wasm travels in the page itself: a data block (#dossier-wasm) holds it deflate-compressed
// and byte-stuffed so the page's windows-1252 text carries one byte per character. Browsers
// refuse `fetch` and module imports from file://, so nothing here asks for a URL: the text is
// turned back into bytes, inflated by the browser's own DecompressionStream, and the bytes are
// handed to the glue.

// Only ASCII in this file: the page is windows-1252 (see xtask/src/single_file.rs).

/** Escape byte of the stuffing: ESCAPE then (byte + 64) stands for NUL, CR, '<' or ESCAPE. */
const ESCAPE = 0x3d;

/**
 * What windows-1252 decodes bytes 0x80-0x9F to (the Encoding Standard's index); every other
 * byte decodes to the code point of the same number.
 */
const WINDOWS_1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The deflated bytes back from the data block's text: undo the decoding, then the stuffing. */
function unstuff(text) {
  const byteOf = new Uint8Array(0x10000);
  for (let b = 0; b < 0x100; b++) byteOf[b] = b;
  for (let i = 0; i < 0x20; i++) byteOf[WINDOWS_1252_80_9F.charCodeAt(i)] = 0x80 + i;
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const byte = byteOf[text.charCodeAt(i)];
    bytes[n++] = byte === ESCAPE ? byteOf[text.charCodeAt(++i)] - 64 : byte;
  }
  return bytes.subarray(0, n);
}

/** Inflates the data block into the wasm's bytes, reporting progress as bytes come out. */
async function unpack(block, onProgress) {
  const size = Number(block.dataset.size);
  const packed = unstuff(block.textContent);
  // The text is no longer needed; dropping it frees as much memory as the wasm takes.
  block.remove();
  const reader = new Blob([packed]).stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const wasm = new Uint8Array(size);
  let filled = 0;
  let lastPaint = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (filled + value.length > size) throw new Error('the embedded collection is longer than recorded');
    wasm.set(value, filled);
    filled += value.length;
    onProgress(filled / size);
    // Reads resolve as microtasks, which never let the page paint: yield a task now and then
    // so the progress bar moves on a large collection.
    if (performance.now() - lastPaint > 50) {
      await new Promise((resolve) => setTimeout(resolve));
      lastPaint = performance.now();
    }
  }
  if (filled !== size) throw new Error('the embedded collection is shorter than recorded');
  return wasm;
}

/** The "Unpacking" status and progress bar, in #app until the app replaces its content. */
function showUnpacking() {
  const app = document.getElementById('app') ?? document.body;
  const status = app.querySelector('[role=status]') ?? app.appendChild(document.createElement('p'));
  status.textContent = 'Unpacking the collection\u2026';
  // The hosted page's indeterminate bar gives way to this one, which knows how far it is.
  app.querySelector('.loading-progress')?.remove();
  const line = document.createElement('p');
  const bar = document.createElement('progress');
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute('aria-label', 'Unpacking the collection');
  const percent = document.createElement('span');
  percent.textContent = ' 0%';
  line.append(bar, percent);
  status.after(line);
  let shown = 0;
  return {
    progress(fraction) {
      const now = Math.floor(fraction * 100);
      if (now === shown) return;
      shown = now;
      bar.value = now;
      bar.setAttribute('aria-valuetext', `Unpacking\u2026 ${now}%`);
      percent.textContent = ` ${now}%`;
    },
    fail(message) {
      line.remove();
      status.textContent = `The collection could not be opened: ${message}`;
    },
  };
}

const unpacking = showUnpacking();
try {
  if (typeof DecompressionStream !== 'function') {
    throw new Error('this browser cannot unpack it (it needs DecompressionStream: Chrome 103, Firefox 113, Safari 16.4 or later)');
  }
  const wasm = await unpack(document.getElementById('dossier-wasm'), unpacking.progress);
  performance.mark('dossier:unpacked');
  await initWasm({ module_or_path: wasm });
} catch (error) {
  unpacking.fail(error.message);
  throw error;
}
