#!/usr/bin/env node
// The `candor` command. It lives outside dist/ so that the file exists when npm links a
// workspace's bins, which `npm ci` does before `prepare` builds dist/: on a fresh clone,
// `npx candor` runs this package instead of asking the registry for another one.
import '../dist/cli/bin.js';
