/**
 * The prose of a post — what a reader reads — pulled out of the Markdown/MDX syntax tree
 * as blocks (a paragraph, a heading, a list item, a table cell, an MDX prop, an HTML
 * block), each with its context and its links. Code, frontmatter and ESM are not prose.
 */
import { Parser as HtmlParser } from 'htmlparser2';
import { MappedText } from './normalize.js';
import { CODE_PLACEHOLDER } from './placeholder.js';

export interface BlockContext {
	kind: 'paragraph' | 'heading' | 'table-cell' | 'prop' | 'html' | 'alt';
	/** Blockquote nesting; a group id so the text around one blockquote can be read. */
	blockquote: number | undefined;
	/** The outermost list this block belongs to, if any: its introduction frames every item. */
	list: number | undefined;
	orderedList: boolean;
	listItem: boolean;
	/** Inside an element readers never see (`hidden`, `aria-hidden="true"`, `display: none`). */
	hidden: boolean;
}

export interface LinkSpan {
	url: string;
	/** Offsets into the block text. */
	start: number;
	end: number;
	/** Source offset of the whole link. */
	sourceStart: number;
	sourceEnd: number;
}

export interface ProseBlock {
	text: MappedText;
	context: BlockContext;
	links: LinkSpan[];
	/** The inline code each placeholder stands for, in order (to show sentences as written). */
	codes: string[];
	/** Text ranges (offsets into the block text) inside inline elements hidden from readers. */
	hidden?: Array<[number, number]>;
}

export interface Comment {
	value: string;
	start: number;
	end: number;
}

export interface Prose {
	blocks: ProseBlock[];
	/** HTML and MDX comments: where suppressions live. */
	comments: Comment[];
	frontmatter: { value: string; start: number } | undefined;
}

// A minimal structural view of mdast: enough to walk it without depending on its types.
interface Node {
	type: string;
	value?: string;
	url?: string;
	alt?: string | null;
	ordered?: boolean | null;
	depth?: number;
	name?: string | null;
	attributes?: Array<{ type: string; name?: string; value?: unknown }>;
	children?: Node[];
	position?: { start: { offset?: number }; end: { offset?: number } };
}

const start = (node: Node) => node.position?.start.offset ?? 0;
const end = (node: Node) => node.position?.end.offset ?? start(node);

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);
/** Props that carry code, not prose. Any other string prop with a space in it is read as prose. */
// aria-label and aria-description are read aloud to readers, so they stay prose; other aria-*
// attributes are states and references.
const NON_PROSE_PROPS = /^(href|src|srcset|class|classname|id|style|type|key|slot|lang|variant|size|color|width|height|name|as|rel|target|role|for|icon|layout|language|tabindex|loading|decoding|client:.*|set:.*|data-.*|aria-(?!label$|description$).*)$/i;
/** Values that are switches, not words: `hidden="true"`, `open="false"`. */
const SWITCH_VALUE = /^\s*(true|false)\s*$/i;
const HTML_BLOCK_TAGS = /^(p|div|li|ul|ol|h[1-6]|section|article|aside|header|footer|blockquote|tr|td|th|table|br|hr|figure|figcaption|details|summary|dd|dt|main|nav)$/i;

export function extractProse(root: Node, source: string): Prose {
	const prose: Prose = { blocks: [], comments: [], frontmatter: undefined };
	let blockquoteGroups = 0;
	/** Inline HTML elements open in a block (Markdown gives their tags as separate nodes), and how many hide. */
	const inlineOpen = new WeakMap<ProseBlock, { open: boolean[]; hidden: number }>();
	const comment = (value: string, at: number, atEnd: number) => void prose.comments.push({ value, start: at, end: atEnd });
	let listGroups = 0;

	const visit = (node: Node, context: BlockContext): void => {
		switch (node.type) {
			case 'yaml':
				prose.frontmatter = { value: node.value ?? '', start: start(node) };
				return;
			case 'toml':
			case 'code':
			case 'math':
			case 'mdxjsEsm':
			case 'definition':
			case 'thematicBreak':
				return;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				collectJsComment(node);
				return;
			case 'html': {
				const html = new HtmlStream(source, comment);
				readHtml(node, context, html);
				html.end();
				return;
			}
			case 'blockquote':
				visitChildren(node.children ?? [], { ...context, blockquote: (blockquoteGroups += context.blockquote ? 0 : 1) });
				return;
			case 'list':
				for (const child of node.children ?? []) visit(child, { ...context, orderedList: Boolean(node.ordered), listItem: true, list: context.list ?? listGroups + 1 });
				if (context.list === undefined) listGroups++;
				return;
			case 'mdxJsxFlowElement':
				readProps(node, context);
				if (isHiddenElement(node)) context = { ...context, hidden: true };
				for (const child of node.children ?? []) {
					if (BLOCK_TYPES.has(child.type) || child.type === 'mdxJsxFlowElement' || !isInline(child)) visit(child, context);
					else readInlineRun([child], context);
				}
				return;
		}
		if (BLOCK_TYPES.has(node.type)) {
			readBlock(node, { ...context, kind: node.type === 'tableCell' ? 'table-cell' : (node.type as 'paragraph' | 'heading') });
			return;
		}
		visitChildren(node.children ?? [], context);
	};

	/**
	 * The children of one node in order. Their HTML blocks are read as one stream, so an
	 * element one of them opens (`<div hidden>`, a blank line, then Markdown) holds the blocks
	 * after it until the block that closes it, or until the end of this node, as in a browser.
	 */
	const visitChildren = (children: Node[], context: BlockContext) => {
		let html: HtmlStream | undefined;
		for (const child of children) {
			if (child.type === 'html') {
				html ??= new HtmlStream(source, comment);
				readHtml(child, context, html);
				continue;
			}
			const tag = renderedAs(child);
			if (html && tag) {
				html.element(tag, start(child));
				if (html.hidden && !context.hidden) {
					visit(child, { ...context, hidden: true });
					continue;
				}
			}
			visit(child, context);
		}
		html?.end();
	};

	const readBlock = (node: Node, context: BlockContext) => readInlineRun(node.children ?? [], context);

	const readInlineRun = (nodes: Node[], context: BlockContext) => {
		const block: ProseBlock = { text: new MappedText(), context, links: [], codes: [] };
		for (const node of nodes) readInline(node, block);
		if (/[\p{L}\p{N}]/u.test(block.text.text)) prose.blocks.push(block);
	};

	const readInline = (node: Node, block: ProseBlock): void => {
		const { text } = block;
		switch (node.type) {
			case 'text': {
				const from = text.text.length;
				text.appendFromSource(node.value ?? '', source, start(node), end(node));
				if ((inlineOpen.get(block)?.hidden ?? 0) > 0) (block.hidden ??= []).push([from, text.text.length]);
				return;
			}
			case 'inlineCode':
				text.appendRaw(` ${CODE_PLACEHOLDER} `, start(node));
				block.codes.push(node.value ?? '');
				return;
			case 'break':
				text.appendRaw(' ', start(node));
				return;
			case 'image':
			case 'imageReference':
				readAlt(node, block);
				return;
			case 'html':
				readInlineHtml(node, block);
				return;
			case 'mdxTextExpression':
				collectJsComment(node);
				return;
			case 'footnoteReference':
				return;
			case 'link':
			case 'linkReference': {
				const linkStart = text.text.length;
				for (const child of node.children ?? []) readInline(child, block);
				if (node.url !== undefined) {
					block.links.push({ url: node.url, start: linkStart, end: text.text.length, sourceStart: start(node), sourceEnd: end(node) });
				}
				return;
			}
			case 'mdxJsxTextElement': {
				readProps(node, block.context);
				const from = block.text.text.length;
				for (const child of node.children ?? []) readInline(child, block);
				if (isHiddenElement(node) && block.text.text.length > from) (block.hidden ??= []).push([from, block.text.text.length]);
				return;
			}
		}
		for (const child of node.children ?? []) readInline(child, block);
	};

	/** Alt text is prose (screen readers read it); point at it inside `![alt](url)`. */
	const readAlt = (node: Node, block: ProseBlock) => {
		const alt = node.alt ?? '';
		if (!alt.trim()) return;
		const at = source.indexOf(alt, start(node));
		block.text.appendRaw(' ', start(node));
		if (at >= 0 && at < end(node)) block.text.appendFromSource(alt, source, at, at + alt.length);
		else block.text.appendAt(alt, start(node));
		block.text.appendRaw(' ', start(node));
	};

	/** String props of MDX components that read like prose (a title, a caption, a button label). */
	const readProps = (node: Node, context: BlockContext) => {
		for (const attribute of node.attributes ?? []) {
			if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
			if (!attribute.name || NON_PROSE_PROPS.test(attribute.name) || SWITCH_VALUE.test(attribute.value) || !/\p{L}/u.test(attribute.value)) continue;
			const at = source.indexOf(attribute.value, start(node));
			const block: ProseBlock = { text: new MappedText(), context: { ...context, kind: 'prop' }, links: [], codes: [] };
			if (at >= 0 && at < end(node)) block.text.appendFromSource(attribute.value, source, at, at + attribute.value.length);
			else block.text.appendAt(attribute.value, start(node));
			prose.blocks.push(block);
		}
	};

	const collectJsComment = (node: Node) => {
		const value = node.value ?? '';
		if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(value)) prose.comments.push({ value: value.trim().slice(2, -2), start: start(node), end: end(node) });
	};

	/**
	 * Raw HTML in Markdown: its text is prose, its comments may be suppressions. The stream
	 * carries the elements earlier HTML blocks left open: text inside a hidden one is hidden.
	 */
	const readHtml = (node: Node, context: BlockContext, html: HtmlStream) => {
		const newBlock = (hidden: boolean): ProseBlock => ({ text: new MappedText(), context: { ...context, kind: 'html', hidden: context.hidden || hidden }, links: [], codes: [] });
		let block = newBlock(html.hidden);
		const flush = (hidden = block.context.hidden) => {
			if (/[\p{L}\p{N}]/u.test(block.text.text)) prose.blocks.push(block);
			block = newBlock(hidden);
		};
		html.write(node.value ?? '', start(node), {
			text: (value, at, atEnd, hidden) => {
				if (hidden !== block.context.hidden && !context.hidden) flush(hidden);
				block.text.appendFromSource(value, source, at, atEnd);
			},
			boundary: () => flush(),
		});
		flush();
	};

	const readInlineHtml = (node: Node, block: ProseBlock) => {
		let elements = inlineOpen.get(block);
		if (!elements) inlineOpen.set(block, (elements = { open: [], hidden: 0 }));
		const open = elements;
		const close = () => {
			if (open.open.pop()) open.hidden--;
		};
		// A lone end tag (`</span>`): the HTML parser ignores it, but it closes the element opened by an earlier node.
		if (/^<\/[a-z][\w-]*\s*>$/i.test((node.value ?? '').trim())) {
			close();
			return;
		}
		const html = new HtmlStream(source, comment);
		html.write(node.value ?? '', start(node), {
			text: (value, at, atEnd, hidden) => {
				const from = block.text.text.length;
				block.text.appendFromSource(value, source, at, atEnd);
				if (hidden || open.hidden > 0) (block.hidden ??= []).push([from, block.text.text.length]);
			},
			open: (hidden) => {
				open.open.push(hidden);
				if (hidden) open.hidden++;
			},
			close,
			boundary: () => block.text.appendRaw(' ', start(node)),
		});
		html.end();
	};

	visit(root, { kind: 'paragraph', blockquote: undefined, list: undefined, orderedList: false, listItem: false, hidden: false });
	return prose;
}

/**
 * The element a Markdown block becomes when rendered, as the HTML stream around it sees it;
 * none for what renders nowhere (definitions) or elsewhere (footnotes, at the end), which
 * the elements around it therefore do not hold.
 */
function renderedAs(node: Node): string | undefined {
	switch (node.type) {
		case 'paragraph':
			return 'p';
		case 'heading':
			return `h${Math.min(6, Math.max(1, node.depth ?? 1))}`;
		case 'list':
			return node.ordered ? 'ol' : 'ul';
		case 'blockquote':
			return 'blockquote';
		case 'code':
			return 'pre';
		case 'table':
			return 'table';
		case 'thematicBreak':
			return 'hr';
		case 'definition':
		case 'footnoteDefinition':
		case 'yaml':
		case 'toml':
		case 'mdxjsEsm':
			return undefined;
		default:
			return 'div';
	}
}

function isInline(node: Node): boolean {
	return ['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode', 'image', 'imageReference', 'break', 'mdxJsxTextElement', 'mdxTextExpression'].includes(node.type);
}

interface HtmlHandlers {
	text(value: string, start: number, end: number, hidden: boolean): void;
	/** An element opens or closes (void elements never do). */
	open?(hidden: boolean): void;
	close?(): void;
	boundary(): void;
}

const NO_HANDLERS: HtmlHandlers = { text() {}, boundary() {} };
const MAX_OPEN_ELEMENTS = 512;

/**
 * Raw HTML read with a real parser, chunk by chunk: the HTML blocks among one node's
 * children are one stream, as a browser reads them with the rendered Markdown in between,
 * so an element opened in one block and closed in a later one holds the blocks between.
 * Skips script, style and template text; reports comments.
 */
class HtmlStream {
	private readonly parser: HtmlParser;
	private on: HtmlHandlers = NO_HANDLERS;
	/** Characters written so far, and where each chunk starts in the stream and in the source. */
	private written = 0;
	private readonly chunks: Array<[stream: number, source: number]> = [];
	/** The end of the current chunk's own text in the stream (a separator follows it). */
	private chunkEnd = 0;
	private skipDepth = 0;
	/** Open elements, each marked when it hides its content from readers; how many do. */
	private readonly open: boolean[] = [];
	private hiddenDepth = 0;
	private ending = false;
	/** Elements left open by a parser that went too deep: they stay open (and hidden, if they hide). */
	private frozen = 0;
	/** Where in the stream the parser was paused for going too deep. */
	private pausedAt: number | undefined;

	constructor(
		private readonly source: string,
		comment: (value: string, start: number, end: number) => void,
	) {
		const parser: HtmlParser = new HtmlParser(
			{
				onopentag: (name, attributes) => {
					if (name === 'script' || name === 'style' || name === 'template') this.skipDepth++;
					if (!VOID_TAGS.has(name)) {
						const hides = hidesContent(attributes);
						this.open.push(hides);
						if (hides) this.hiddenDepth++;
						this.on.open?.(hides);
						if (this.open.length - this.frozen > MAX_OPEN_ELEMENTS && this.pausedAt === undefined) {
							this.pausedAt = parser.endIndex + 1;
							parser.pause();
						}
					}
					if (HTML_BLOCK_TAGS.test(name)) this.on.boundary();
				},
				onclosetag: (name) => {
					if ((name === 'script' || name === 'style' || name === 'template') && this.skipDepth > 0) this.skipDepth--;
					if (!VOID_TAGS.has(name)) {
						if (this.open.pop()) this.hiddenDepth--;
						// An element still open when the stream ends is not closed: inline HTML in
						// Markdown comes tag by tag, and the text after this fragment is still inside it.
						if (!this.ending) this.on.close?.();
					}
					if (HTML_BLOCK_TAGS.test(name)) this.on.boundary();
				},
				ontext: (text) => {
					if (this.skipDepth > 0) return;
					// Drop the separator written after the chunk.
					const over = parser.endIndex + 1 - this.chunkEnd;
					const value = over > 0 && text.endsWith('\n') ? text.slice(0, -1) : text;
					if (!value) return;
					const at = this.sourceAt(parser.startIndex);
					const atEnd = Math.min(this.source.length, this.sourceAt(Math.min(parser.endIndex + 1, this.chunkEnd)));
					this.on.text(value, at, atEnd, this.hiddenDepth > 0);
				},
				oncomment: (text) => {
					comment(text, this.sourceAt(parser.startIndex), Math.min(this.source.length, this.sourceAt(Math.min(parser.endIndex + 1, this.chunkEnd))));
				},
			},
			// `<x/>` opens nothing (as in JSX and XHTML), a void element never does.
			{ decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
		);
		this.parser = parser;
	}

	/** Inside an element that hides its content (or inside a template, which is never shown). */
	get hidden(): boolean {
		return this.hiddenDepth > 0 || this.skipDepth > 0;
	}

	/** Reads raw HTML found at `at` in the source. */
	write(html: string, at: number, on: HtmlHandlers): void {
		this.on = on;
		// A newline after the chunk (as a renderer writes one after an HTML block) ends a
		// character reference or text run left open, so its text is reported now, with this chunk.
		this.feed(`${html}\n`, at, html.length);
		this.on = NO_HANDLERS;
	}

	/**
	 * Writes `text` (whose first `own` characters are source text at `at`) to the parser.
	 *
	 * htmlparser2 scans its open elements on every end tag, so thousands of unclosed tags and
	 * stray end tags would take quadratic time. Past MAX_OPEN_ELEMENTS open (a browser's parser
	 * stops nesting at 512) the parser pauses and starts afresh on the rest of the text: the
	 * elements it had open are never closed, so what they hid stays hidden to the end of this
	 * stream's parent, and each end tag scans at most MAX_OPEN_ELEMENTS elements.
	 */
	private feed(text: string, at: number, own: number): void {
		for (;;) {
			const start = this.written;
			this.chunks.push([start, at]);
			this.chunkEnd = start + own;
			this.parser.write(text);
			if (this.pausedAt === undefined) {
				this.written += text.length;
				return;
			}
			const consumed = this.pausedAt - start;
			this.pausedAt = undefined;
			this.frozen = this.open.length;
			this.parser.reset();
			this.chunks.length = 0;
			this.written = 0;
			text = text.slice(consumed);
			at += consumed;
			own = Math.max(0, own - consumed);
		}
	}

	/**
	 * A Markdown block rendered between two chunks, as the element it becomes: it closes the
	 * elements its start tag closes (a `<p>` closes an open `<p>`). Its own content is read elsewhere.
	 */
	element(tag: string, at: number): void {
		if (this.open.length === 0) return;
		this.feed(VOID_TAGS.has(tag) ? `<${tag}>` : `<${tag}></${tag}>`, at, 0);
	}

	end(): void {
		this.ending = true;
		this.parser.end();
	}

	/** The source offset of a stream index: chunks are written in order, so scan back from the last. */
	private sourceAt(index: number): number {
		let i = this.chunks.length - 1;
		while (i > 0 && this.chunks[i]![0] > index) i--;
		const chunk = this.chunks[i];
		return chunk ? chunk[1] + Math.max(0, index - chunk[0]) : 0;
	}
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** `hidden`, `aria-hidden="true"`, or an inline style with `display: none` / `visibility: hidden`. */
function hidesContent(attributes: Record<string, string | undefined>): boolean {
	if ('hidden' in attributes) return true;
	if (attributes['aria-hidden']?.trim().toLowerCase() === 'true') return true;
	const style = (attributes.style ?? '').toLowerCase().replace(/\s+/g, '');
	return /(^|;)display:none|(^|;)visibility:hidden|(^|;)font-size:0(px)?(;|$)/.test(style);
}

function isHiddenElement(node: Node): boolean {
	const attributes: Record<string, string | undefined> = {};
	for (const attribute of node.attributes ?? []) {
		if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
		attributes[attribute.name.toLowerCase()] = attribute.value === null || attribute.value === undefined ? '' : typeof attribute.value === 'string' ? attribute.value : '';
	}
	return hidesContent(attributes);
}

/**
 * The title and description in frontmatter are prose a reader sees first: blocks of their
 * own, pointing at their place inside the YAML.
 */
export function frontmatterBlocks(document: YamlDocument, yamlText: string, yamlOffset: number, source: string): ProseBlock[] {
	const blocks: ProseBlock[] = [];
	const contents = document.contents as { items?: Array<{ key?: { value?: unknown }; value?: { value?: unknown; range?: [number, number, number] } }> } | null;
	for (const item of contents?.items ?? []) {
		const key = item.key?.value;
		const value = item.value?.value;
		const range = item.value?.range;
		if ((key !== 'title' && key !== 'description') || typeof value !== 'string' || !range || !/\p{L}/u.test(value)) continue;
		const text = new MappedText();
		const start = yamlOffset + range[0];
		const end = yamlOffset + range[1];
		if (yamlText.slice(range[0], range[1]).length > 0) text.appendFromSource(value, source, start, end);
		else text.appendAt(value, start);
		blocks.push({ text, context: { kind: 'heading', blockquote: undefined, list: undefined, orderedList: false, listItem: false, hidden: false }, links: [], codes: [] });
	}
	return blocks;
}

type YamlDocument = { contents: unknown };
