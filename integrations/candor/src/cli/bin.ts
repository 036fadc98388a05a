#!/usr/bin/env node
process.stderr.write('candor: the audit command is not built yet.\n');
process.exit(2);
