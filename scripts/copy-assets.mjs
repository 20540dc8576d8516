// Copies the non-TypeScript files the code reads at run time (SQL) next to the compiled JavaScript.
import { cp } from 'node:fs/promises';

await cp('src', 'dist/src', { recursive: true, filter: (path) => !/\.tsx?$/.test(path) });
