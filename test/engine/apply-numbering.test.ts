import { describe, expect, it } from 'vitest';

import { derivedApplyNumber } from '../../nodes/Wdt/actions/purchaseApply/create.operation';
import { jsonOf, useRig } from './rig';

const rig = useRig();

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'purchaseApply',
	operation: 'create',
	lines: { line: [{ specNo: 'TS-001', num: 1 }] },
	...extra,
});

const uploadedNumbers = () =>
	rig.sim
		.requestsFor('purchase.PurchaseApply.upload')
		.map((q) => (q.args as Array<Record<string, unknown>>)[0].purchase_apply_no);

describe('Purchase Apply → Create: the number sent when none is given', () => {
	it('is derived from the execution, the node run and the position: stable, distinct, at most 20 characters', () => {
		const number = derivedApplyNumber('1234', 'node-a:0', 1);
		expect(number).toMatch(/^N1234-[0-9A-Z]{3}-1$/);
		expect(derivedApplyNumber('1234', 'node-a:0', 1), 'the same execution again').toBe(number);
		const others = [
			derivedApplyNumber('1235', 'node-a:0', 1), // another execution
			derivedApplyNumber('1234', 'node-b:0', 1), // another node
			derivedApplyNumber('1234', 'node-a:1', 1), // the same node's next run (a loop)
			derivedApplyNumber('1234', 'node-a:0', 2), // the next apply
		];
		expect(new Set([number, ...others]).size).toBe(5);
		// n8n's largest execution id (a Postgres integer) and many applies still fit.
		expect(derivedApplyNumber('2147483647', 'node-a:0', 9999).length).toBeLessThanOrEqual(20);
		// An id that does not fit (or is not a number) is hashed to at most 6 characters.
		expect(derivedApplyNumber('9'.repeat(16), 'node-a:0', 1)).toMatch(
			/^N[0-9A-Z]{1,6}-[0-9A-Z]{3}-1$/,
		);
		expect(derivedApplyNumber('harness-1-2', 'node-a:0', 1)).toMatch(
			/^N[0-9A-Z]{1,6}-[0-9A-Z]{3}-1$/,
		);
	});

	it('by default, each apply gets its own derived number, and WDT creates it under that number', async () => {
		const { outputs, error } = await rig.run(create(), [{}, {}]);
		expect(error).toBeUndefined();
		const sent = uploadedNumbers();
		expect(sent).toHaveLength(2);
		expect(sent[0]).toMatch(/^N.+-[0-9A-Z]{3}-1$/);
		expect(sent[1]).toBe(String(sent[0]).replace(/-1$/, '-2'));
		expect(jsonOf(outputs[0]).map((a) => a.purchase_apply_no)).toEqual(sent);
		for (const no of sent) expect(rig.sim.purchaseApplies.has(String(no))).toBe(true);
	});

	it('a number WDT already has (a re-run of the same execution) is refused, not created twice', async () => {
		const first = await rig.run(create());
		expect(first.error).toBeUndefined();
		const [number] = uploadedNumbers();
		const before = rig.sim.purchaseApplies.size;
		// A re-run of that execution sends the same number; the harness gives every run a new
		// execution id, so the re-sent number is given explicitly here.
		const again = await rig.run(create({ purchaseApplyNo: String(number) }));
		expect(again.error?.message).toMatch(/采购申请单号已存在/);
		expect(rig.sim.purchaseApplies.size, 'no second apply').toBe(before);
	});

	it('"Let WDT Number It" sends no number and outputs the one WDT gave', async () => {
		const { outputs, error } = await rig.run(create({ numberWhenEmpty: 'wdt' }));
		expect(error).toBeUndefined();
		expect(uploadedNumbers()).toEqual([undefined]);
		const [apply] = jsonOf(outputs[0]);
		expect(String(apply.purchase_apply_no)).toMatch(/^POA/);
		expect(apply.requested_purchase_apply_no).toBeUndefined();
	});
});
