/**
 * The Candor app of Astro's dev toolbar: on a post page, the post's score and findings;
 * hovering or focusing a finding highlights its passage in the page (CSS Custom Highlight
 * API); the toolbar icon shows a notification when the post fails the policy.
 */
import { defineToolbarApp } from 'astro/toolbar';

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
				const show = () => highlight(finding.match ?? finding.excerpt);
				button.addEventListener('mouseenter', show);
				button.addEventListener('focus', show);
				button.addEventListener('click', show);
				button.addEventListener('mouseleave', clear);
			});
		};

		app.onToggled(({ state }) => {
			if (state) void load();
			else clear();
		});
		void load();
	},
});

/** Finds `text` in the page's visible text (ignoring case and spacing) and highlights it. */
function highlight(text: string) {
	clear();
	const wanted = text.replace(/\s+/g, ' ').trim().toLowerCase();
	if (!wanted || !('highlights' in CSS)) return;
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) => (node.parentElement?.closest('astro-dev-toolbar, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
	});
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const value = (node.nodeValue ?? '').replace(/\s/g, ' ').toLowerCase();
		const at = value.indexOf(wanted);
		if (at < 0) continue;
		const range = new Range();
		range.setStart(node, at);
		range.setEnd(node, Math.min(at + wanted.length, node.nodeValue!.length));
		CSS.highlights.set('candor-finding', new Highlight(range));
		node.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
		document.documentElement.dataset.candorHighlight = wanted;
		return;
	}
}

function clear() {
	if ('highlights' in CSS) CSS.highlights.delete('candor-finding');
	delete document.documentElement.dataset.candorHighlight;
}
