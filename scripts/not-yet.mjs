// Placeholder for `npm run bench` / `npm run eval` until the audit engine exists: it says so
// and fails, so nobody mistakes silence for a figure.
const what = process.argv[2];
console.error(`npm run ${what}: not built yet (it arrives with the audit engine, issue #3).`);
process.exit(1);
