/**
 * Rules the engine itself raises about the post as a whole: they are not phrase matchers
 * but are documented and configured like any other rule.
 */
import type { Rule } from '../types.js';

const engine = { kind: 'phrases', phrases: [] } as const;

export const policyRules: Rule[] = [
	{
		id: 'parse-error',
		family: 'policy',
		orientation: 'pitch',
		description: 'The post cannot be parsed (invalid MDX or frontmatter), so it cannot be audited.',
		weight: 0,
		severity: 'error',
		message: 'The post could not be parsed.',
		suggestion: 'Fix the syntax at the position given; a post that cannot be read is never passed.',
		docs: '#rule-parse-error',
		matcher: engine,
		examples: {
			flag: ['<Callout>never closed', '---\ntitle: [unclosed\n---\n\nText.', 'Text {with an unclosed expression'],
			pass: ['Plain text.', '---\ntitle: ok\n---\n\nText.', '<Callout>closed</Callout>'],
		},
	},
	{
		id: 'invalid-suppression',
		family: 'policy',
		orientation: 'pitch',
		description: 'A `candor-disable` comment without a reason, or naming a rule that does not exist.',
		weight: 0,
		severity: 'warning',
		message: 'This suppression is ignored: it needs a known rule id and a reason after `--`.',
		suggestion: 'Write `<!-- candor-disable-next-line rule-id -- why this is not a pitch -->`.',
		docs: '#suppressions',
		matcher: engine,
		examples: {
			flag: [
				'<!-- candor-disable-next-line call-to-action -->\nSign up today.',
				'<!-- candor-disable-next-line no-such-rule -- a reason -->\nText.',
				'<!-- candor-disable-next-line -- a reason but no rule -->\nText.',
			],
			pass: [
				'<!-- candor-disable-next-line call-to-action -- quoting the old homepage -->\nSign up today.',
				'<!-- an ordinary comment -->\nText.',
				'Text without comments.',
			],
		},
	},
	{
		id: 'hidden-text',
		family: 'policy',
		orientation: 'pitch',
		description: 'Prose hidden from readers (`hidden`, `aria-hidden="true"`, `display: none`): audited like any prose, and flagged.',
		weight: 0,
		severity: 'warning',
		message: 'Hidden text: readers never see this passage; it is audited anyway, and hiding prose looks like gaming the audit or search engines.',
		suggestion: 'Show the text to readers or remove it.',
		docs: '#rule-hidden-text',
		matcher: engine,
		examples: {
			flag: [
				'Visible intro.\n\n<div hidden>Best-in-class platform, 50% off today.</div>',
				'Visible intro.\n\n<p style="display: none">Sign up today.</p>',
				'A sentence with <span aria-hidden="true">hidden words</span> inside.',
			],
			pass: ['<div>Visible text in HTML.</div>', '<p aria-hidden="false">Shown text.</p>', 'Plain text.'],
		},
	},
	{
		id: 'invalid-exception',
		family: 'policy',
		orientation: 'pitch',
		description: 'A frontmatter `candor:` exception without a threshold between 0 and 100 and a public reason.',
		weight: 0,
		severity: 'error',
		message: 'The policy exception is invalid: it needs `threshold` (0–100) and a non-empty public `reason`.',
		suggestion: 'Write `candor: { threshold: 40, reason: "Why readers should accept more about our product here" }`.',
		docs: '#policy-exceptions',
		matcher: engine,
		examples: {
			flag: ['---\ncandor:\n  threshold: 40\n---\n\nText.', '---\ncandor:\n  threshold: 40\n  reason: ""\n---\n\nText.', '---\ncandor:\n  threshold: 400\n  reason: Launch.\n---\n\nText.'],
			pass: ['---\ncandor:\n  threshold: 40\n  reason: Release notes of our own product.\n---\n\nText.', '---\ntitle: x\n---\n\nText.', 'Text.'],
		},
	},
];
