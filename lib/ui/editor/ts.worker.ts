// Monaco's TypeScript language worker, bundled with the app (no CDN). It also emits the
// JavaScript that Run executes.
import "monaco-editor/language/typescript/ts.worker.js";
