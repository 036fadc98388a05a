/**
 * The model Candor ships: trained by `npm run train` on the development corpus and written
 * to ./weights.generated.ts as data (its manifest, with sources, counts and metrics, is
 * `model/manifest.json` in the package). Parsed once, on first use.
 */
import type { LinearModel } from './scorer.js';
import { MODEL_JSON } from './weights.generated.js';

let model: LinearModel | undefined;

interface ShippedForm extends Omit<LinearModel, 'weights' | 'features'> {
	/** Feature names, one per line, sorted; `values` holds their weights in the same order. */
	names: string;
	values: number[];
	/** The n-grams' words, one per line; `grams` their ids per feature (see FeatureList). */
	tokens: string;
	grams: number[];
}

/**
 * The scorer numbers the feature lists as they are; the weights by name (docs, training's
 * checks, a site that changes a rule's weight) are built on first use.
 */
export function shippedModel(): LinearModel {
	if (model) return model;
	const { names: nameLines, values, tokens, grams, ...rest } = JSON.parse(MODEL_JSON) as ShippedForm;
	const names = nameLines.split('\n');
	let weights: Map<string, number> | undefined;
	return (model = {
		...rest,
		get weights() {
			return (weights ??= new Map(names.map((name, i) => [name, values[i]!])));
		},
		features: { names, values, vocabulary: { tokens: tokens.split('\n'), grams } },
	});
}
