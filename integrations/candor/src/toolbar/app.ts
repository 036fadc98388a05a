/**
 * The Candor app of Astro's dev toolbar: on a post page, the post's score and findings;
 * hovering or focusing a finding highlights its passage in the page (CSS Custom Highlight
 * API), found whatever the page's typography (curly quotes, dashes), and scrolls it into the
 * free band above the app window; the toolbar icon shows a notification when the post fails
 * the policy.
 */
import { defineToolbarApp } from 'astro/toolbar';
import { findPassage } from './find-passage.js';
import { placePassage } from './place-passage.js';

interface ApiFinding {
	ruleId: string;
	family: string;
	severity: string;
	message: string;
	excerpt: string;
	match?: string;
	suggestion?: string;
	line: number;
	column: number;
	suppressed?: { reason: string };
}
interface ApiPost {
	path: string;
	title?: string;
	score: number | null;
	threshold: number;
	verdict: 'pass' | 'fail' | 'error';
	findings: ApiFinding[];
	report: string;
}

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export default defineToolbarApp({
	init(canvas, app) {
		const style = document.createElement('style');
		style.textContent = '::highlight(candor-finding) { background-color: #ffd33d; color: #1f2328; }';
		document.head.append(style);

		const load = async () => {
			const api = new URL('/_candor/api/post.json', location.origin);
			const marker = document.querySelector<HTMLElement>('[data-candor-post]');
			if (marker?.dataset.candorPost) api.searchParams.set('path', marker.dataset.candorPost);
			else api.searchParams.set('page', location.pathname);
			const response = await fetch(api);
			const post: ApiPost | null = response.ok ? await response.json() : null;
			app.toggleNotification({ state: post?.verdict === 'fail' || post?.verdict === 'error', level: 'error' });
			render(post);
		};

		const render = (post: ApiPost | null) => {
			canvas.innerHTML = '';
			const panel = document.createElement('astro-dev-toolbar-window');
			if (!post) {
				panel.innerHTML = '<h1 style="margin:0 0 .5em">Candor</h1><p>This page is not an audited post.</p>';
				canvas.append(panel);
				return;
			}
			const live = post.findings.filter((f) => !f.suppressed);
			panel.innerHTML = `
<style>
  ul { list-style: none; padding: 0; margin: 0; max-height: 60vh; overflow: auto; }
  li button { all: unset; display: block; cursor: pointer; padding: .5em; border-radius: 6px; width: calc(100% - 1em); }
  li button:hover, li button:focus-visible { background: rgba(255,255,255,.08); outline: 2px solid #ffd33d; }
  code { font-size: .85em; }
  .fail { color: #ff7b72; font-weight: 700; } .pass { color: #3fb950; }
  .excerpt { opacity: .8; font-size: .9em; }
</style>
<h1 style="margin:0 0 .25em">Candor audit</h1>
<p><span class="${post.verdict === 'pass' ? 'pass' : 'fail'}" data-candor-verdict>${post.verdict === 'pass' ? 'Passes' : post.verdict === 'fail' ? 'Fails' : 'Cannot be audited'}</span>:
<strong data-candor-score>${post.score ?? '—'}%</strong> promotional (threshold ${post.threshold}%). <a href="${escape(post.report)}" style="color:inherit">Full report</a></p>
<ul data-candor-findings>${live
				.map(
					(f, i) => `<li><button type="button" data-index="${i}"><code>${escape(f.ruleId)}</code> line ${f.line}: ${escape(f.message)}<div class="excerpt">“${escape(f.excerpt)}”</div>${f.suggestion ? `<div class="excerpt">Fix: ${escape(f.suggestion)}</div>` : ''}</button></li>`,
				)
				.join('') || '<li>No findings.</li>'}</ul>`;
			canvas.append(panel);
			panel.querySelectorAll<HTMLButtonElement>('button[data-index]').forEach((button) => {
				const finding = live[Number(button.dataset.index)]!;
				const show = () => highlight(finding.match ?? finding.excerpt, panel);
				button.addEventListener('mouseenter', show);
				button.addEventListener('focus', show);
				button.addEventListener('click', show);
				button.addEventListener('mouseleave', clear);
			});
		};

		app.onToggled(({ state }) => {
			if (state) void load();
			else {
				clear();
				document.querySelector('[data-candor-spacer]')?.remove();
			}
		});
		void load();
	},
});

/** Finds `text` in the page's visible text (ignoring typography, spacing and case), highlights it and scrolls it clear of the app window. */
function highlight(text: string, panel: HTMLElement) {
	clear();
	if (!text.trim() || !('highlights' in CSS)) return;
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) => (node.parentElement?.closest('astro-dev-toolbar, script, style, template') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
	});
	const nodes: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
	const found = findPassage(
		nodes.map((node) => node.nodeValue ?? ''),
		text,
	);
	if (!found) return;
	const range = new Range();
	range.setStart(nodes[found.start.node]!, found.start.offset);
	range.setEnd(nodes[found.end.node]!, found.end.offset);
	CSS.highlights.set('candor-finding', new Highlight(range));
	document.documentElement.dataset.candorHighlight = range.toString().replace(/\s+/g, ' ').trim();
	const page = document.scrollingElement ?? document.documentElement;
	// The passage's lines as wide as its paragraph: the words around it are to be read too, not hidden by the window.
	const words = range.getBoundingClientRect();
	const block = range.startContainer.parentElement?.closest('p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th, dt, dd, figcaption, pre')?.getBoundingClientRect();
	const passage = { top: words.top, bottom: words.bottom, left: Math.min(words.left, block?.left ?? words.left), right: Math.max(words.right, block?.right ?? words.right) };
	const place = placePassage(passage, panel.getBoundingClientRect(), {
		height: innerHeight,
		scrollY,
		maxScrollY: page.scrollHeight - innerHeight,
	});
	if (place.room > 0) {
		// Room below the content, so a passage near the end of the page can rise above the window.
		let spacer = document.querySelector<HTMLElement>('[data-candor-spacer]');
		if (!spacer) {
			spacer = document.createElement('div');
			spacer.dataset.candorSpacer = '';
			spacer.setAttribute('aria-hidden', 'true');
			document.body.append(spacer);
		}
		// The page ends at the spacer's bottom: it must end at least a viewport below the new scroll position.
		const short = place.scrollTo + innerHeight - (spacer.getBoundingClientRect().bottom + scrollY);
		if (short > 0) spacer.style.height = `${(parseFloat(spacer.style.height) || 0) + Math.ceil(short)}px`;
	}
	const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
	if (place.scrollTo !== Math.round(scrollY)) scrollTo({ top: place.scrollTo, behavior: smooth ? 'smooth' : 'auto' });
}

function clear() {
	if ('highlights' in CSS) CSS.highlights.delete('candor-finding');
	delete document.documentElement.dataset.candorHighlight;
}
