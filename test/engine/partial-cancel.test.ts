/**
 * A Cancel or Stop where WDT refuses one number of several (docs/cancel-partial-failure.md explains the
 * decision): n8n's On Error setting decides, and each setting shows what was done.
 * - Stop Workflow (default): the node fails; its message starts with the numbers done, so they
 *   are not sent again, then names the refused ones. The done numbers stay done.
 * - Continue (using error output): done numbers on the success output, refused ones on the
 *   error output, each paired with its input item.
 * - Continue (regular output): every number is an item with its outcome.
 */
import { describe, expect, it } from 'vitest';

import { OTHER_OUT_STATUS, PURCHASE_APPLY_STATUS } from '../simulator';
import { jsonOf, pairsOf, useRig } from './rig';

const rig = useRig();

interface Case {
	name: string;
	resource: string;
	operation: string;
	/** Adds one number WDT accepts and one it refuses; returns them. */
	arrange(): { done: string; refused: string };
	/** The stored status of a number after the run. */
	statusOf(no: string): number | undefined;
	doneStatus: number;
	headline: (done: string, refused: string) => RegExp;
}

const CASES: Case[] = [
	{
		name: 'Purchase Apply → Cancel',
		resource: 'purchaseApply',
		operation: 'cancel',
		arrange: () => ({
			done: rig.sim.addPurchaseApply({ status: 'editing' }).purchaseApplyNo,
			refused: rig.sim.addPurchaseApply({ status: 'pendingReference' }).purchaseApplyNo,
		}),
		statusOf: (no) => rig.sim.purchaseApplies.get(no)?.status,
		doneStatus: PURCHASE_APPLY_STATUS.cancelled,
		headline: (done, refused) =>
			new RegExp(
				`^Cancelled 1 of 2 purchase applies \\(${done}\\); WDT refused to cancel purchase apply ${refused} \\("`,
			),
	},
	{
		name: 'Purchase Apply → Stop',
		resource: 'purchaseApply',
		operation: 'stop',
		arrange: () => ({
			done: rig.sim.addPurchaseApply({ status: 'partlyReferenced' }).purchaseApplyNo,
			refused: rig.sim.addPurchaseApply({ status: 'editing' }).purchaseApplyNo,
		}),
		statusOf: (no) => rig.sim.purchaseApplies.get(no)?.status,
		doneStatus: PURCHASE_APPLY_STATUS.referenced,
		headline: (done, refused) =>
			new RegExp(
				`^Stopped 1 of 2 purchase applies \\(${done}\\); WDT refused to stop purchase apply ${refused} \\("`,
			),
	},
	{
		name: 'Other Out → Cancel',
		resource: 'otherOut',
		operation: 'cancel',
		arrange: () => ({
			done: rig.sim.addOtherOut({ status: 'pending' }).orderNo,
			refused: rig.sim.addOtherOut({ status: 'done' }).orderNo,
		}),
		statusOf: (no) => rig.sim.otherOuts.get(no)?.status,
		doneStatus: OTHER_OUT_STATUS.cancelled,
		headline: (done, refused) =>
			new RegExp(
				`^Cancelled 1 of 2 other-out orders \\(${done}\\); WDT refused to cancel other-out order ${refused} \\("`,
			),
	},
];

describe.each(CASES)('$name: WDT refuses one number of two', (c) => {
	const parameters = {
		resource: c.resource,
		operation: c.operation,
		orderNumbers: '={{ $json.no }}',
	};

	it('Stop Workflow: the node fails, its message leads with the number done, which stays done', async () => {
		const { done, refused } = c.arrange();
		const { error, outputs } = await rig.run(parameters, [{ no: done }, { no: refused }]);
		expect(outputs.flat()).toEqual([]);
		expect(error?.message).toMatch(c.headline(done, refused));
		expect(error?.description).toContain(`WDT confirmed that this run`);
		expect(error?.description).toContain(`: ${done}.`);
		expect(error?.description).toContain('On Error to "Continue (using error output)"');
		expect(c.statusOf(done)).toBe(c.doneStatus);
		expect(c.statusOf(refused)).not.toBe(c.doneStatus);
		// One batch, sent once.
		expect(rig.sim.writeRequests()).toHaveLength(1);
	});

	it('Continue (using error output): the done number on the success output, the refused one on the error output', async () => {
		const { done, refused } = c.arrange();
		const { error, outputs } = await rig.run(parameters, [{ no: done }, { no: refused }], {
			onError: 'continueErrorOutput',
		});
		expect(error).toBeUndefined();
		const [success, failed] = outputs;
		expect(jsonOf(success).map((o) => [o.order_no, o.outcome, o.success])).toEqual([
			[done, 'succeeded', true],
		]);
		expect(pairsOf(success)).toEqual([0]);
		expect(pairsOf(failed)).toEqual([1]);
		expect(String(jsonOf(failed)[0].error)).toMatch(
			new RegExp(`^${refused}: WDT refused to ${c.operation} it: "`),
		);
	});

	it('Continue (regular output): every number is an item with its outcome', async () => {
		const { done, refused } = c.arrange();
		const { error, outputs } = await rig.run(parameters, [{ no: done }, { no: refused }], {
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((o) => [o.order_no, o.outcome, o.success])).toEqual([
			[done, 'succeeded', true],
			[refused, 'failed', false],
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 1]);
	});
});
