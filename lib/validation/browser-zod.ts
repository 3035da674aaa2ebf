import { z } from 'zod';

// In the browser, zod runs without compiling parsers through `new Function`. Zod probes
// whether it may (a `new Function('')` in a try/catch) before its first object parse, and
// under the pages' strict script policy (no 'unsafe-eval') that caught probe is still
// reported as a CSP violation. Jitless skips the probe. The server keeps zod's JIT.
if (typeof window !== 'undefined') z.config({ jitless: true });
