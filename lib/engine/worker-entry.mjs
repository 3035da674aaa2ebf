// Worker threads start from a plain JavaScript file: register the TypeScript loader
// (tsx, already what the CLI runs on) in this thread, then load the engine's worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
