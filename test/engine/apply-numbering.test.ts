import { beforeEach, describe, expect, it } from 'vitest';

import { derivedApplyNumber } from '../../nodes/Wdt/actions/purchaseApply/create.operation';
import { createApply, uploadedApplyNumbers } from './purchaseApplyCreate';
import { jsonOf, useRig } from './rig';

const rig = useRig();

const create = createApply;
const uploadedNumbers = () => uploadedApplyNumbers(rig);

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

	it('"Let WDT Number It" sends no number and outputs the one WDT gave', async () => {
		const { outputs, error } = await rig.run(create({ numberWhenEmpty: 'wdt' }));
		expect(error).toBeUndefined();
		expect(uploadedNumbers()).toEqual([undefined]);
		const [apply] = jsonOf(outputs[0]);
		expect(String(apply.purchase_apply_no)).toMatch(/^POA/);
		expect(apply.requested_purchase_apply_no).toBeUndefined();
	});
});

const lookups = () =>
	rig.sim.requestsFor('purchase.PurchaseApply.search').map((q) => q.args as unknown[]);
const appliesNumbered = (no: string) =>
	[...rig.sim.purchaseApplies.values()].filter((a) => a.purchaseApplyNo === no);

describe.each(['refused', 'accepted'] as const)(
	'Purchase Apply → Create re-run (WDT %s a repeated purchase_apply_no)',
	(reading) => {
		beforeEach(() => {
			rig.sim.replies.purchaseApplyRepeatedNo = reading;
		});

		it('looks the number up first and reports an existing apply as already created, never sending it again', async () => {
			const first = await rig.run(create());
			expect(first.error).toBeUndefined();
			const [number] = uploadedNumbers();
			const [created] = jsonOf(first.outputs[0]);
			expect(created).toMatchObject({ outcome: 'succeeded', purchase_apply_no: number });
			expect(lookups()).toEqual([[{ purchase_apply_no: number }]]);
			// A re-run of that execution sends the same number; the harness gives every run a new
			// execution id, so the re-sent number is given explicitly here.
			const again = await rig.run(create({ purchaseApplyNo: String(number) }));
			expect(again.error).toBeUndefined();
			const stored = appliesNumbered(String(number));
			expect(stored, 'no second apply').toHaveLength(1);
			expect(jsonOf(again.outputs[0])).toEqual([
				{
					order_no: number,
					success: true,
					outcome: 'already created',
					error: null,
					error_code: null,
					purchase_apply_no: number,
					status: 23,
					created: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
					modified: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
					requested_purchase_apply_no: number,
				},
			]);
			expect(uploadedNumbers(), 'the re-run sent no upload').toEqual([number]);
			expect(lookups()).toEqual([[{ purchase_apply_no: number }], [{ purchase_apply_no: number }]]);
		});

		it('a lost reply is unknown, not re-sent; the re-run then finds it already created', async () => {
			rig.sim.faults.next('dropAfterWrite', 1, 'purchase.PurchaseApply.upload');
			const lost = await rig.run(create({ purchaseApplyNo: 'MY-LOST-1' }), [{}], {
				continueOnFail: true,
			});
			expect(lost.error).toBeUndefined();
			const [unknown] = jsonOf(lost.outputs[0]);
			expect(unknown).toMatchObject({
				outcome: 'unknown',
				requested_purchase_apply_no: 'MY-LOST-1',
			});
			expect(String(unknown.error)).toMatch(/Unknown outcome/);
			expect(uploadedNumbers()).toEqual(['MY-LOST-1']);
			const again = await rig.run(create({ purchaseApplyNo: 'MY-LOST-1' }));
			expect(again.error).toBeUndefined();
			expect(jsonOf(again.outputs[0])[0]).toMatchObject({
				outcome: 'already created',
				purchase_apply_no: 'MY-LOST-1',
			});
			expect(uploadedNumbers(), 'sent once in all').toEqual(['MY-LOST-1']);
			expect(appliesNumbered('MY-LOST-1')).toHaveLength(1);
		});

		it('a failed look-up sends nothing', async () => {
			rig.sim.faults.next('rateLimit', 1, 'purchase.PurchaseApply.search');
			const { error } = await rig.run(create({ purchaseApplyNo: 'MY-2' }));
			expect(error).toBeDefined();
			expect(uploadedNumbers()).toEqual([]);
			expect(rig.sim.purchaseApplies.size).toBe(0);
		});
	},
);
