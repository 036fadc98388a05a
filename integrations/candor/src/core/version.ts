/** Bumped with every change that can change a verdict: caches are keyed by it. */
export const ENGINE_VERSION = '0.3.0';
