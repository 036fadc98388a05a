/**
 * The disclosure as a hast tree, and the `rel` of paid links. Pure: the Sätteri and rehype
 * plugins, and any other adapter, share these.
 */
import { type AffiliateProgram, matchAffiliate } from '../core/affiliates.js';
import { type SponsorshipLike, sponsorshipsOf } from '../core/sponsorships.js';
import { SPONSORSHIP_KINDS, type SponsorshipKind } from '../schema.js';
import { type DisclosureForm, LANGUAGES, type LanguageCode, type Template } from './templates.js';

export interface DisclosureSettings {
	form: DisclosureForm;
	lang: LanguageCode;
	/** The heading of the note; defaults to the language's ("Disclosure"). */
	label?: string;
	/** The site's own wording per kind (`{sponsor}` is replaced). */
	templates?: Partial<Record<SponsorshipKind, Partial<Template>>>;
}

export type { SponsorshipLike };
/** The frontmatter's `sponsorship`: one declaration, or a list of them. */
export type Sponsorships = SponsorshipLike | SponsorshipLike[] | undefined;

interface HastText {
	type: 'text';
	value: string;
}
export interface HastElement {
	type: 'element';
	tagName: string;
	properties: Record<string, unknown>;
	children: Array<HastElement | HastText>;
}

const isKind = (kind: unknown): kind is SponsorshipKind => (SPONSORSHIP_KINDS as readonly unknown[]).includes(kind);

/** The words of the disclosure for a sponsorship, or undefined when it declares none. */
export function disclosureText(sponsorship: SponsorshipLike | undefined, settings: DisclosureSettings): { label: string; text: string; note?: string } | undefined {
	if (!sponsorship || !isKind(sponsorship.kind) || typeof sponsorship.sponsor !== 'string' || !sponsorship.sponsor.trim()) return undefined;
	const language = LANGUAGES[settings.lang];
	const template = settings.templates?.[sponsorship.kind]?.[settings.form] ?? language.kinds[sponsorship.kind][settings.form];
	const text = template.replaceAll('{sponsor}', sponsorship.sponsor.trim());
	const note = typeof sponsorship.note === 'string' && sponsorship.note.trim() ? sponsorship.note.trim() : undefined;
	return { label: settings.label ?? language.label, text, ...(note ? { note } : {}) };
}

/**
 * `<aside role="note">` with a visible label, then each declared sponsorship's disclosure and
 * note, in the order the frontmatter lists them.
 */
export function disclosureElement(sponsorship: Sponsorships, settings: DisclosureSettings): HastElement | undefined {
	const declared = sponsorshipsOf(sponsorship).flatMap((s) => {
		const words = disclosureText(s, settings);
		return words ? [{ kind: String(s.kind), words }] : [];
	});
	if (declared.length === 0) return undefined;
	const label = declared[0]!.words.label;
	const kinds = [...new Set(declared.map((d) => d.kind))];
	const paragraph = (className: string, children: HastElement['children']): HastElement => ({ type: 'element', tagName: 'p', properties: { className: [className] }, children });
	return {
		type: 'element',
		tagName: 'aside',
		properties: { role: 'note', className: ['candor-disclosure', ...kinds.map((k) => `candor-disclosure--${k}`)], ariaLabel: label, dataCandorDisclosure: kinds.join(' ') },
		children: [
			paragraph('candor-disclosure__label', [{ type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: label }] }]),
			...declared.flatMap(({ words }) => [
				paragraph('candor-disclosure__text', [{ type: 'text', value: words.text }]),
				...(words.note ? [paragraph('candor-disclosure__note', [{ type: 'text', value: words.note }])] : []),
			]),
		],
	};
}

/**
 * The `rel` a link should carry: `sponsored` for affiliate links and links to the sponsor's
 * domain, `noopener` when it opens a new tab; existing values are kept. Undefined when
 * nothing changes.
 */
export function paidLinkRel(
	link: { href: unknown; rel: unknown; target: unknown },
	sponsorship: Sponsorships,
	programs?: readonly AffiliateProgram[],
): string[] | undefined {
	if (typeof link.href !== 'string') return undefined;
	const rel = Array.isArray(link.rel) ? link.rel.map(String) : typeof link.rel === 'string' ? link.rel.split(/\s+/).filter(Boolean) : [];
	const paid = Boolean(matchAffiliate(link.href, programs)) || isSponsorLink(link.href, sponsorship);
	if (!paid) return undefined;
	const next = [...rel];
	if (!next.includes('sponsored')) next.push('sponsored');
	if (link.target === '_blank' && !next.includes('noopener')) next.push('noopener');
	return next.length === rel.length ? undefined : next;
}

function isSponsorLink(href: string, sponsorship: Sponsorships): boolean {
	return sponsorshipsOf(sponsorship).some((s) => {
		if (typeof s.url !== 'string') return false;
		try {
			const sponsorHost = new URL(s.url).hostname.replace(/^www\./, '');
			const host = new URL(href).hostname.replace(/^www\./, '');
			return host === sponsorHost || host.endsWith(`.${sponsorHost}`);
		} catch {
			return false;
		}
	});
}
