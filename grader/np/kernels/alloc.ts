// Where kernel results get their storage. A fresh Float64Array of a few hundred to a few
// thousand elements has its own off-heap ArrayBuffer, and allocating (and later sweeping) one
// costs as much as the loop that fills it; training the reference network allocates dozens per
// iteration. Small results are therefore carved out of shared slabs: a typed array view on an
// existing buffer is an ordinary heap object. A slab is freed once every array carved from it
// is unreachable, so a long-lived small array can keep up to one slab (256 KB) alive; arrays
// never share elements, only the underlying ArrayBuffer (`a.data.buffer` is the slab, so code
// that needs the bytes must honour byteOffset and byteLength, as for Node's pooled Buffers, and
// must copy rather than transfer it: transferring a slab empties every array carved from it).
// Edit this file to change the slab size or which sizes are pooled.

const SLAB_BYTES = 256 * 1024;
/** Results above this many elements get their own buffer: the slab saves little there. */
const MAX_POOLED_ELEMENTS = 4096;

let slab = new ArrayBuffer(0);
let used = 0;

/** A zero-filled Float64Array of length n that no other array shares elements with. */
export function allocFloat64(n: number): Float64Array {
  if (n > MAX_POOLED_ELEMENTS || n === 0) return new Float64Array(n);
  const bytes = n * 8;
  // A slab transferred away (postMessage of some a.data.buffer) is detached, its byteLength 0,
  // so the next call starts a new one instead of failing.
  if (used + bytes > slab.byteLength) {
    // A new buffer is zero-filled and each byte of it is handed out once, so no fill is needed.
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const out = new Float64Array(slab, used, n);
  used += bytes;
  return out;
}
