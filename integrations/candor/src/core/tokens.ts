/** Words, numbers and the few symbols that rules read, with their offsets in the text. */
import { CODE_PLACEHOLDER } from './prose.js';

export type TokenKind = 'word' | 'num' | 'sym' | 'code';

export interface Token {
	/** Lower-cased, apostrophes folded to `'`. */
	value: string;
	kind: TokenKind;
	start: number;
	end: number;
}

const TOKEN = /(\p{N}+(?:[.,]\p{N}+)*)|([\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*)|(\uE000)|([%$€£¥#+!?&×@/:])/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
	const tokens: Token[] = [];
	TOKEN.lastIndex = from;
	for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
		const kind: TokenKind = m[1] ? 'num' : m[2] ? 'word' : m[3] === CODE_PLACEHOLDER ? 'code' : 'sym';
		const value = kind === 'word' ? m[0].toLowerCase().replace(/[’ʼ]/g, "'") : m[0];
		tokens.push({ value, kind, start: m.index, end: m.index + m[0].length });
	}
	return tokens;
}

export const isWord = (token: Token) => token.kind === 'word' || token.kind === 'num';
