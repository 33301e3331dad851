/** What the Check Assumptions engine tests share: a run of the operation, an item by its wording, reads only. */
import { expect } from 'vitest';

import {
	type AssumptionResult,
	isReadOnlyMethod,
	MAX_PROBE_CALLS,
} from '../../nodes/shared/assumptions';
import { WRITE_METHODS } from '../simulator';
import { jsonOf, type Rig } from './rig';

/** Runs Account → Check Assumptions once; its items. */
export async function runCheckAssumptions(rig: Rig, lookBackDays = 7): Promise<AssumptionResult[]> {
	const result = await rig.run({
		resource: 'account',
		operation: 'checkAssumptions',
		lookBackDays,
	});
	expect(result.error).toBeUndefined();
	return jsonOf(result.outputs[0]) as unknown as AssumptionResult[];
}

/** The item whose assumption matches `pattern` (it must be there). */
export function byAssumption(items: AssumptionResult[], pattern: RegExp): AssumptionResult {
	const item = items.find((candidate) => pattern.test(candidate.assumption));
	expect(item, String(pattern)).toBeDefined();
	return item!;
}

/** Every request the simulator received was a read, within the budget. */
export function expectOnlyReads(rig: Rig) {
	const methods = rig.sim.requests.map((request) => String(request.method));
	expect(methods.length).toBeGreaterThan(0);
	expect(methods.length).toBeLessThanOrEqual(MAX_PROBE_CALLS);
	for (const method of methods) {
		expect(WRITE_METHODS).not.toContain(method);
		expect(isReadOnlyMethod(method), method).toBe(true);
	}
}

/** A reply option, its values, the check concerned (by its wording), and the verdict and reading each must give. */
export interface ReadingCase {
	option: string;
	check: RegExp;
	values: Array<[value: string, verdict: AssumptionResult['verdict'], reading: RegExp]>;
}
