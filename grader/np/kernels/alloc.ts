// Where kernel results get their storage. A fresh Float64Array of a few hundred to a few
// thousand elements has its own off-heap ArrayBuffer, and allocating (and later sweeping) one
// costs about as much as the loop that fills it; training the reference network allocates dozens
// per iteration. Mid-sized results are therefore carved, ARRAYS_PER_SLAB at a time, out of a
// shared buffer holding arrays of exactly their size: a typed array view on an existing buffer is
// an ordinary heap object.
//
// A buffer is freed once every array carved from it is unreachable, so a long-lived array keeps
// at most ARRAYS_PER_SLAB - 1 dead siblings of its own size alive: memory kept is bounded by 4×
// what the program keeps. (An earlier design carved every size from shared 256 KB slabs: a
// learner who kept one small array per training iteration pinned a slab per iteration and hit the
// sandbox's memory limit with 320 KB of live data.) Tiny results, the ones programs tend to keep
// (costs, biases, scalars), get their own buffer. Arrays never share elements, only the
// underlying ArrayBuffer (`a.data.buffer` may hold other arrays, so code that needs the bytes must
// honour byteOffset and byteLength, as for Node's pooled Buffers, and copy rather than transfer).
// Edit this file to change which sizes are pooled.

const ARRAYS_PER_SLAB = 4;
/** Below this many elements the buffer is cheap and the array likely to be kept: not pooled. */
const MIN_POOLED_ELEMENTS = 64;
/** Above this many elements the allocation is small next to the work: not pooled. */
const MAX_POOLED_ELEMENTS = 4096;

interface Slab {
  buffer: ArrayBuffer;
  used: number;
}
const slabs = new Map<number, Slab>();

/** A zero-filled Float64Array of length n that no other array shares elements with. */
export function allocFloat64(n: number): Float64Array {
  if (n > MAX_POOLED_ELEMENTS || n < MIN_POOLED_ELEMENTS) return new Float64Array(n);
  const bytes = n * 8;
  let slab = slabs.get(n);
  // A slab transferred away (postMessage of some a.data.buffer) is detached, its byteLength 0,
  // so it is replaced instead of failing.
  if (slab === undefined || slab.used + bytes > slab.buffer.byteLength) {
    // A new buffer is zero-filled and each byte of it is handed out once, so no fill is needed.
    slab = { buffer: new ArrayBuffer(bytes * ARRAYS_PER_SLAB), used: 0 };
    slabs.set(n, slab);
  }
  const out = new Float64Array(slab.buffer, slab.used, n);
  slab.used += bytes;
  return out;
}
