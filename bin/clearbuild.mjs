#!/usr/bin/env node
// The `clearbuild` command (package bin). The CLI is TypeScript run through tsx,
// with the project's tsconfig wherever it is called from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
await import(path.join(root, 'lib/cli/main.ts'));
