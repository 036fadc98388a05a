/**
 * The prose of a post — what a reader reads — pulled out of the Markdown/MDX syntax tree
 * as blocks (a paragraph, a heading, a list item, a table cell, an MDX prop, an HTML
 * block), each with its context and its links. Code, frontmatter and ESM are not prose.
 */
import { Parser as HtmlParser } from 'htmlparser2';
import { MappedText } from './normalize.js';

/** Stands for inline code inside prose: a sentence that carries code is teaching. */
export const CODE_PLACEHOLDER = '\uE000';

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
	name?: string | null;
	attributes?: Array<{ type: string; name?: string; value?: unknown }>;
	children?: Node[];
	position?: { start: { offset?: number }; end: { offset?: number } };
}

const start = (node: Node) => node.position?.start.offset ?? 0;
const end = (node: Node) => node.position?.end.offset ?? start(node);

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);
/** Props that carry code, not prose. Any other string prop with a space in it is read as prose. */
const NON_PROSE_PROPS = /^(href|src|srcset|class|classname|id|style|type|key|slot|lang|variant|size|color|width|height|name|as|rel|target|role|for|icon|layout|language|client:.*|set:.*|data-.*)$/i;
const HTML_BLOCK_TAGS = /^(p|div|li|ul|ol|h[1-6]|section|article|aside|header|footer|blockquote|tr|td|th|table|br|hr|figure|figcaption|details|summary|dd|dt|main|nav)$/i;

export function extractProse(root: Node, source: string): Prose {
	const prose: Prose = { blocks: [], comments: [], frontmatter: undefined };
	let blockquoteGroups = 0;
	/** Inline HTML elements open in a block (Markdown gives their tags as separate nodes). */
	const inlineHidden = new WeakMap<ProseBlock, boolean[]>();
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
			case 'html':
				readHtml(node, context);
				return;
			case 'blockquote':
				for (const child of node.children ?? []) visit(child, { ...context, blockquote: (blockquoteGroups += context.blockquote ? 0 : 1) });
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
		for (const child of node.children ?? []) visit(child, context);
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
				if (inlineHidden.get(block)?.includes(true)) (block.hidden ??= []).push([from, text.text.length]);
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
			if (!attribute.name || NON_PROSE_PROPS.test(attribute.name) || !/\p{L}/u.test(attribute.value)) continue;
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

	/** Raw HTML in Markdown: its text is prose, its comments may be suppressions. */
	const readHtml = (node: Node, context: BlockContext) => {
		const base = start(node);
		let block: ProseBlock = { text: new MappedText(), context: { ...context, kind: 'html' }, links: [], codes: [] };
		const flush = (hidden = block.context.hidden) => {
			if (/[\p{L}\p{N}]/u.test(block.text.text)) prose.blocks.push(block);
			block = { text: new MappedText(), context: { ...context, kind: 'html', hidden: context.hidden || hidden }, links: [], codes: [] };
		};
		parseHtml(node.value ?? '', base, source, {
			text: (value, at, atEnd, hidden) => {
				if (hidden !== block.context.hidden && !context.hidden) flush(hidden);
				block.text.appendFromSource(value, source, at, atEnd);
			},
			comment: (value, at, atEnd) => prose.comments.push({ value, start: at, end: atEnd }),
			boundary: () => flush(),
		});
		flush();
	};

	const readInlineHtml = (node: Node, block: ProseBlock) => {
		// A lone end tag (`</span>`): the HTML parser ignores it, but it closes the element opened by an earlier node.
		if (/^<\/[a-z][\w-]*\s*>$/i.test((node.value ?? '').trim())) {
			inlineHidden.get(block)?.pop();
			return;
		}
		parseHtml(node.value ?? '', start(node), source, {
			text: (value, at, atEnd, hidden) => {
				const from = block.text.text.length;
				block.text.appendFromSource(value, source, at, atEnd);
				if (hidden || inlineHidden.get(block)?.includes(true)) (block.hidden ??= []).push([from, block.text.text.length]);
			},
			open: (hidden) => inlineHidden.set(block, [...(inlineHidden.get(block) ?? []), hidden]),
			close: () => inlineHidden.get(block)?.pop(),
			comment: (value, at, atEnd) => prose.comments.push({ value, start: at, end: atEnd }),
			boundary: () => block.text.appendRaw(' ', start(node)),
		});
	};

	visit(root, { kind: 'paragraph', blockquote: undefined, list: undefined, orderedList: false, listItem: false, hidden: false });
	return prose;
}

function isInline(node: Node): boolean {
	return ['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode', 'image', 'imageReference', 'break', 'mdxJsxTextElement', 'mdxTextExpression'].includes(node.type);
}

interface HtmlHandlers {
	text(value: string, start: number, end: number, hidden: boolean): void;
	/** An element opens or closes (void elements never do). */
	open?(hidden: boolean): void;
	close?(): void;
	comment(value: string, start: number, end: number): void;
	boundary(): void;
}

/** Reads an HTML fragment with a real parser; skips script and style, reports comments. */
function parseHtml(html: string, base: number, source: string, on: HtmlHandlers): void {
	let skipDepth = 0;
	// Open elements, each marked when it hides its content from readers.
	const open: boolean[] = [];
	const parser: HtmlParser = new HtmlParser(
		{
			onopentag(name, attributes) {
				if (name === 'script' || name === 'style' || name === 'template') skipDepth++;
				if (!VOID_TAGS.has(name)) {
					open.push(hidesContent(attributes));
					on.open?.(open.at(-1)!);
				}
				if (HTML_BLOCK_TAGS.test(name)) on.boundary();
			},
			onclosetag(name, implied) {
				if ((name === 'script' || name === 'style' || name === 'template') && skipDepth > 0) skipDepth--;
				if (!VOID_TAGS.has(name)) {
					open.pop();
					// Inline HTML in Markdown comes tag by tag: an element left open at the end of
					// this fragment stays open for the text that follows; only a written end tag closes.
					if (!implied) on.close?.();
				}
				if (HTML_BLOCK_TAGS.test(name)) on.boundary();
			},
			ontext(text) {
				if (skipDepth > 0) return;
				const at = base + parser.startIndex;
				on.text(text, at, Math.min(source.length, base + parser.endIndex + 1), open.includes(true));
			},
			oncomment(text) {
				on.comment(text, base + parser.startIndex, Math.min(source.length, base + parser.endIndex + 1));
			},
		},
		{ decodeEntities: true, lowerCaseTags: true },
	);
	parser.write(html);
	parser.end();
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
