#!/usr/bin/env node
// The installed `genvid` command: the command line as built by `npm run build` (out/main/cli.js).
import '../out/main/cli.js';
