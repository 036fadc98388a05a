/**
 * The words of a disclosure, per language, kind and form. Plain sentences that say who is
 * behind the post and what they gave; `{sponsor}` is replaced by the sponsor's name. There
 * is deliberately no bare "affiliate link" label: every form says what the reader needs.
 */
import type { SponsorshipKind } from '../schema.js';

export type DisclosureForm = 'long' | 'short';
export type Template = Record<DisclosureForm, string>;
export interface Language {
	label: string;
	kinds: Record<SponsorshipKind, Template>;
}

export const LANGUAGES = {
	en: {
		label: 'Disclosure',
		kinds: {
			sponsored: { long: 'Sponsored by {sponsor}. {sponsor} paid us to publish this post.', short: 'Sponsored by {sponsor}.' },
			affiliate: {
				long: 'This post contains affiliate links ({sponsor}): if you buy through them, we earn a commission, at no cost to you.',
				short: 'Affiliate links: we earn a commission if you buy through them.',
			},
			gifted: {
				long: '{sponsor} gave us the product discussed in this post for free. They did not pay for the post.',
				short: 'Gifted by {sponsor}: we received the product for free.',
			},
			partner: {
				long: 'Written in partnership with {sponsor}: we have a business relationship with them.',
				short: 'In partnership with {sponsor}, a business partner.',
			},
			employee: { long: 'The author works for {sponsor}, which this post discusses.', short: 'The author works for {sponsor}.' },
		},
	},
	de: {
		label: 'Transparenzhinweis',
		kinds: {
			sponsored: { long: 'Gesponsert von {sponsor}. {sponsor} hat uns für die Veröffentlichung dieses Beitrags bezahlt.', short: 'Gesponsert von {sponsor}.' },
			affiliate: {
				long: 'Dieser Beitrag enthält Affiliate-Links ({sponsor}): Wenn du über sie kaufst, erhalten wir eine Provision; für dich entstehen keine Mehrkosten.',
				short: 'Affiliate-Links: Wir erhalten eine Provision, wenn du über sie kaufst.',
			},
			gifted: {
				long: '{sponsor} hat uns das hier besprochene Produkt kostenlos überlassen. Für den Beitrag selbst wurde nicht bezahlt.',
				short: 'Geschenkt von {sponsor}: Wir haben das Produkt kostenlos erhalten.',
			},
			partner: {
				long: 'In Partnerschaft mit {sponsor}: Wir stehen mit {sponsor} in einer Geschäftsbeziehung.',
				short: 'In Partnerschaft mit {sponsor}, einem Geschäftspartner.',
			},
			employee: { long: 'Die Person, die diesen Beitrag geschrieben hat, arbeitet für {sponsor}.', short: 'Verfasst von einer Person, die für {sponsor} arbeitet.' },
		},
	},
	fr: {
		label: 'Transparence',
		kinds: {
			sponsored: { long: 'Sponsorisé par {sponsor}. {sponsor} nous a payés pour publier cet article.', short: 'Sponsorisé par {sponsor}.' },
			affiliate: {
				long: "Cet article contient des liens d'affiliation ({sponsor}) : si vous achetez par ces liens, nous touchons une commission, sans frais pour vous.",
				short: "Liens d'affiliation : nous touchons une commission si vous achetez par ces liens.",
			},
			gifted: {
				long: "{sponsor} nous a offert le produit présenté dans cet article. L'article lui-même n'a pas été payé.",
				short: 'Offert par {sponsor} : nous avons reçu le produit gratuitement.',
			},
			partner: {
				long: 'Rédigé en partenariat avec {sponsor} : nous entretenons une relation commerciale avec {sponsor}.',
				short: 'En partenariat avec {sponsor}, un partenaire commercial.',
			},
			employee: { long: 'La personne qui a écrit cet article travaille pour {sponsor}.', short: 'Écrit par une personne employée par {sponsor}.' },
		},
	},
} as const satisfies Record<string, Language>;

export type LanguageCode = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as LanguageCode[];
