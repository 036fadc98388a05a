/**
 * The model Candor ships: trained by `npm run train` on the development corpus and written
 * to ./weights.generated.ts as data (its manifest, with sources, counts and metrics, is
 * `model/manifest.json` in the package). Parsed once, on first use.
 */
import type { LinearModel } from './scorer.js';
import { MODEL_JSON } from './weights.generated.js';

let model: LinearModel | undefined;

interface ShippedForm extends Omit<LinearModel, 'weights'> {
	/** Feature names, one per line, sorted; `values` holds their weights in the same order. */
	names: string;
	values: number[];
}

export function shippedModel(): LinearModel {
	if (model) return model;
	const { names, values, ...rest } = JSON.parse(MODEL_JSON) as ShippedForm;
	const weights = new Map<string, number>();
	names.split('\n').forEach((name, i) => {
		if (name) weights.set(name, values[i]!);
	});
	return (model = { ...rest, weights });
}
