// Monaco's editor worker, bundled with the app (no CDN).
import "monaco-editor/editor/editor.worker.js";
