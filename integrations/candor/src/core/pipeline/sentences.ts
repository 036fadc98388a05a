/**
 * Stage 3, sentences: every block split into sentences and tokenised once, each sentence
 * handed the block's links that start in it, its word count, its source range and its text
 * as the reader sees it. Sentences without a word are dropped here, for every later stage.
 */
import type { LineIndex } from '../positions.js';
import { CODE_PLACEHOLDER } from '../placeholder.js';
import type { LinkSpan, ProseBlock } from '../prose.js';
import { splitSentences } from '../sentences.js';
import { asciiLowerCase, isWord, type Token, tokenize } from '../tokens.js';
import type { SourceRange } from '../types.js';

export interface Sentence {
	block: ProseBlock;
	blockIndex: number;
	/** Position in the post's list of sentences. */
	index: number;
	/** Offsets into the block text. */
	start: number;
	end: number;
	tokens: Token[];
	/** The block's links that start in this sentence. */
	links: LinkSpan[];
	/** Words and numbers: what the score is a share of. */
	words: number;
	/** The sentence as the reader sees it, inline code included, on one line. */
	shown: string;
	range: SourceRange;
}

export interface SentencesInput {
	blocks: ProseBlock[];
	lines: LineIndex;
}

export interface SentencesOutput {
	/** All sentences of the post, in order (`sentence.index` is the position here). */
	sentences: Sentence[];
	/** The same sentences per block (a block may have none). */
	sentencesOfBlock: Sentence[][];
}

export function splitIntoSentences({ blocks, lines }: SentencesInput): SentencesOutput {
	const sentences: Sentence[] = [];
	const sentencesOfBlock: Sentence[][] = [];
	blocks.forEach((block, blockIndex) => {
		const own: Sentence[] = [];
		const lower = asciiLowerCase(block.text.text);
		// Links are in text order, like sentences: one pass hands each sentence its links.
		let link = 0;
		for (const [start, end] of splitSentences(block.text.text)) {
			while (link < block.links.length && block.links[link]!.start < start) link++;
			const links: LinkSpan[] = [];
			for (; link < block.links.length && block.links[link]!.start < end; link++) links.push(block.links[link]!);
			const tokens = tokenize(block.text.text, start, end, lower);
			if (!tokens.some(isWord)) continue;
			let words = 0;
			for (const token of tokens) if (isWord(token)) words++;
			const range = lines.range(block.text.offsetAt(start), block.text.offsetAt(end - 1) + 1);
			own.push({ block, blockIndex, index: sentences.length + own.length, start, end, tokens, links, words, shown: showCode(block, start, end), range });
		}
		sentencesOfBlock.push(own);
		sentences.push(...own);
	});
	return { sentences, sentencesOfBlock };
}

/** A sentence of a block as the reader sees it, inline code included. */
function showCode(block: ProseBlock, start: number, end: number): string {
	const text = block.text.text;
	const slice = text.slice(start, end);
	if (!slice.includes(CODE_PLACEHOLDER)) return /\s\s|[\t\n\r]/.test(slice) ? slice.replace(/\s+/g, ' ').trim() : slice;
	let codeIndex = 0;
	for (let i = text.indexOf(CODE_PLACEHOLDER); i >= 0 && i < start; i = text.indexOf(CODE_PLACEHOLDER, i + 1)) codeIndex++;
	return text
		.slice(start, end)
		.replace(/ ?\uE000 ?/g, () => ` \`${block.codes[codeIndex++] ?? ''}\` `)
		.replace(/\s+/g, ' ')
		.trim();
}
