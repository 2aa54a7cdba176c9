#!/usr/bin/env node
// Entry point of the `incydent` command. The sources are TypeScript; tsx compiles them on load, so a fresh clone
// runs without a build step and the CLI never runs stale code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
