/**
 * Stands for inline code inside prose: a sentence that carries code is teaching. A module of
 * its own so that the tokeniser and the model load without the HTML reader of ./prose.ts.
 */
export const CODE_PLACEHOLDER = '\uE000';
