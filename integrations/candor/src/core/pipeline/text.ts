/** How the stages show text in findings: one line, or a window of a sentence around a match. */

/** The first line of an error's message (YAML and Sätteri errors run to several). */
export function firstLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0]!.trim() || 'unknown parse error';
}

export function oneLine(text: string, max = 120): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The sentence around a match, cut to about 120 characters around its start. */
export function excerpt(sentence: string, start: number): string {
	// Work on a window around the match, so a huge sentence with many findings stays linear.
	if (sentence.length > 400) sentence = sentence.slice(Math.max(0, start - 150), start + 250);
	const flat = sentence.replace(/\s+/g, ' ').trim();
	if (flat.length <= 120) return flat;
	const from = Math.max(0, Math.min(start - 40, flat.length - 120));
	return `${from > 0 ? '…' : ''}${flat.slice(from, from + 118).trim()}${from + 118 < flat.length ? '…' : ''}`;
}
