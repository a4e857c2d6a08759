// Constants shared by the isolate runtime and the host side of the sandbox. No imports: this
// file is bundled into every isolate.
export const ONLY_NP_MESSAGE = 'only the np module can be imported (import * as np from "np")';
/** What the runtime's call() returns for a promise; the worker then asks collect(). */
export const PENDING = "\u0000pending";
