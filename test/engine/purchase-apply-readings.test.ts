/**
 * Purchase Apply operations under every reading of their pages (issue 20): where an upload's
 * refusal comes (reply status or data.status), whether cancel/stop send `total: 0`, whether the
 * search honours its purchase_apply_no filter (V1.5.1.0+), and numbers compared ignoring case.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { UNFILTERED_LOOKUP_BOUND } from '../../nodes/Wdt/actions/purchaseApply/create.operation';
import { DEFAULT_REPLY_CHOICES } from '../simulator';
import { createApply, uploadedApplyNumbers } from './purchaseApplyCreate';
import { jsonOf, pairsOf, useRig } from './rig';

const rig = useRig();
afterEach(() => {
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
});

const SEARCH = 'purchase.PurchaseApply.search';

const create = createApply;
const uploadedNumbers = () => uploadedApplyNumbers(rig);
const searches = () => rig.sim.requestsFor(SEARCH);
const appliesNumbered = (no: string) =>
	[...rig.sim.purchaseApplies.values()].filter(
		(apply) => apply.purchaseApplyNo.toLowerCase() === no.toLowerCase(),
	);

describe.each(['reply', 'data'] as const)(
	'Purchase Apply → Create when WDT reports a refusal in the %s',
	(uploadRefusal) => {
		beforeEach(() => {
			rig.sim.replies.uploadRefusal = uploadRefusal;
		});

		const items = [
			{ no: 'NEW-1', wh: 'WH01' },
			{ no: 'BAD-2', wh: 'WH-X' },
			{ no: 'NEW-3', wh: 'WH01' },
		];
		const perItem = create({ purchaseApplyNo: '={{ $json.no }}', warehouseNo: '={{ $json.wh }}' });

		it("with Continue On Fail: one item per apply, the refused one failed with WDT's text, the others created", async () => {
			const { outputs, error } = await rig.run(perItem, items, { continueOnFail: true });
			expect(error).toBeUndefined();
			const out = jsonOf(outputs[0]);
			expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
			expect(out.map((item) => [item.outcome, item.purchase_apply_no ?? null])).toEqual([
				['succeeded', 'NEW-1'],
				['failed', null],
				['succeeded', 'NEW-3'],
			]);
			expect(out[1]).toMatchObject({
				success: false,
				requested_purchase_apply_no: 'BAD-2',
				error: expect.stringMatching(/^WDT refused the whole call: "仓库不存在"/),
			});
			expect(uploadedNumbers()).toEqual(['NEW-1', 'BAD-2', 'NEW-3']);
			expect([...rig.sim.purchaseApplies.keys()].sort()).toEqual(['NEW-1', 'NEW-3']);
		});

		it('without it: the run fails naming the refused apply and what was created', async () => {
			const { error } = await rig.run(perItem, items);
			expect(error?.message).toMatch(
				/^Created 2 of 3 purchase applies \(NEW-1, NEW-3\); WDT refused to create purchase apply BAD-2 \(WDT refused the whole call: "仓库不存在"\./,
			);
			expect([...rig.sim.purchaseApplies.keys()].sort()).toEqual(['NEW-1', 'NEW-3']);
		});

		it('a number WDT already has (refused on upload after the look-up missed it) is a failure, not a success', async () => {
			// The look-up cannot see it (not visible yet), so the upload is what refuses it.
			rig.sim.addPurchaseApply({
				purchaseApplyNo: 'TAKEN-1',
				visibleAfterMs: rig.sim.clock.now() + 3_600_000,
			});
			const { outputs, error } = await rig.run(create({ purchaseApplyNo: 'TAKEN-1' }), [{}], {
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0])).toEqual([
				expect.objectContaining({
					outcome: 'failed',
					success: false,
					requested_purchase_apply_no: 'TAKEN-1',
					error: expect.stringMatching(/采购申请单号已存在/),
				}),
			]);
			expect(appliesNumbered('TAKEN-1')).toHaveLength(1);
		});
	},
);

describe.each(['omit', 'zero'] as const)(
	'Purchase Apply → Cancel and Stop when WDT answers no failure with total %s',
	(batchTotalWhenNoFailure) => {
		beforeEach(() => {
			rig.sim.replies.batchTotalWhenNoFailure = batchTotalWhenNoFailure;
		});

		it.each([
			['cancel', 'editing', 5],
			['stop', 'partlyReferenced', 30],
		] as const)('%s: every number succeeded, one item per number', async (operation, from, to) => {
			for (const no of ['S1', 'S2', 'S3'])
				rig.sim.addPurchaseApply({ purchaseApplyNo: no, status: from });
			const { outputs, error } = await rig.run(
				{ resource: 'purchaseApply', operation, orderNumbers: '={{ $json.nos }}' },
				[{ nos: 'S1,S2' }, { nos: 'S3' }],
			);
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0])).toEqual(
				['S1', 'S2', 'S3'].map((no) => ({
					order_no: no,
					success: true,
					outcome: 'succeeded',
					error: null,
					error_code: null,
				})),
			);
			expect(pairsOf(outputs[0])).toEqual([0, 0, 1]);
			for (const no of ['S1', 'S2', 'S3']) expect(rig.sim.purchaseApplies.get(no)?.status).toBe(to);
		});

		it.each([
			['cancel', 'editing', 'referenced'],
			['stop', 'partlyReferenced', 'editing'],
		] as const)(
			'%s: a partial failure says exactly what succeeded; with Continue On Fail, one item each',
			async (operation, from, wrong) => {
				rig.sim.addPurchaseApply({ purchaseApplyNo: 'OK1', status: from });
				rig.sim.addPurchaseApply({ purchaseApplyNo: 'WRONG1', status: wrong });
				const run = (continueOnFail: boolean) =>
					rig.run(
						{ resource: 'purchaseApply', operation, orderNumbers: 'OK1,WRONG1,MISSING1' },
						[{}],
						{ continueOnFail },
					);
				const failed = await run(false);
				const done = operation === 'cancel' ? 'Cancelled' : 'Stopped';
				expect(failed.error?.message).toMatch(
					new RegExp(
						`^${done} 1 of 3 purchase applies \\(OK1\\); WDT refused to ${operation} 2 purchase applies: WRONG1 \\(".+"\\), MISSING1 \\("采购申请单不存在"\\)$`,
					),
				);
				rig.sim.addPurchaseApply({ purchaseApplyNo: 'OK2', status: from });
				const { outputs, error } = await rig.run(
					{ resource: 'purchaseApply', operation, orderNumbers: 'OK2,WRONG1' },
					[{}],
					{ continueOnFail: true },
				);
				expect(error).toBeUndefined();
				expect(jsonOf(outputs[0]).map((item) => [item.order_no, item.outcome])).toEqual([
					['OK2', 'succeeded'],
					['WRONG1', 'failed'],
				]);
				expect(rig.sim.purchaseApplies.get('WRONG1')?.status).toBe(
					wrong === 'referenced' ? 30 : 10,
				);
			},
		);
	},
);

describe.each(['exact', 'ignored'] as const)(
	'Purchase Apply → Create when the search applies its purchase_apply_no filter %s (WDT accepts a repeated number)',
	(purchaseApplyNoFilter) => {
		beforeEach(() => {
			rig.sim.replies.purchaseApplyNoFilter = purchaseApplyNoFilter;
			// The worst case: nothing but the look-up keeps a re-run from creating twice.
			rig.sim.replies.purchaseApplyRepeatedNo = 'accepted';
		});

		const seedOthers = (count: number, prefix = 'OTHER-') => {
			for (let i = 0; i < count; i++)
				rig.sim.addPurchaseApply({ purchaseApplyNo: `${prefix}${String(i).padStart(4, '0')}` });
		};

		it('a re-run among other applies reports the apply already created and sends nothing', async () => {
			seedOthers(5);
			const first = await rig.run(create({ purchaseApplyNo: 'RERUN-1' }));
			expect(jsonOf(first.outputs[0])[0]).toMatchObject({ outcome: 'succeeded' });
			const again = await rig.run(create({ purchaseApplyNo: 'RERUN-1' }));
			expect(again.error).toBeUndefined();
			expect(jsonOf(again.outputs[0])).toEqual([
				expect.objectContaining({
					outcome: 'already created',
					success: true,
					purchase_apply_no: 'RERUN-1',
					status: 23,
				}),
			]);
			expect(uploadedNumbers()).toEqual(['RERUN-1']);
			expect(appliesNumbered('RERUN-1')).toHaveLength(1);
		});

		it('a new number among other applies is created once', async () => {
			seedOthers(5);
			const { outputs, error } = await rig.run(create({ purchaseApplyNo: 'FRESH-1' }));
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0])).toEqual([
				expect.objectContaining({ outcome: 'succeeded', purchase_apply_no: 'FRESH-1' }),
			]);
			expect(appliesNumbered('FRESH-1')).toHaveLength(1);
			expect(rig.sim.purchaseApplies.size).toBe(6);
		});

		it('an apply on a later page of a long list is found, not taken as absent', async () => {
			seedOthers(250, 'A-');
			// Sorted last (by number, all modified at once), so an unfiltered search has it on its third page.
			rig.sim.addPurchaseApply({ purchaseApplyNo: 'Z-LATE' });
			const { outputs, error } = await rig.run(create({ purchaseApplyNo: 'Z-LATE' }));
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0])[0]).toMatchObject({ outcome: 'already created' });
			expect(uploadedNumbers()).toEqual([]);
			expect(appliesNumbered('Z-LATE')).toHaveLength(1);
			expect(searches()).toHaveLength(purchaseApplyNoFilter === 'exact' ? 1 : 3);
		});

		it('several applies in one run: the unfiltered list is read once, each number decided right', async () => {
			seedOthers(120);
			rig.sim.addPurchaseApply({ purchaseApplyNo: 'HAVE-2' });
			const { outputs, error } = await rig.run(create({ purchaseApplyNo: '={{ $json.no }}' }), [
				{ no: 'NEW-A' },
				{ no: 'HAVE-2' },
				{ no: 'NEW-B' },
			]);
			expect(error).toBeUndefined();
			expect(
				jsonOf(outputs[0]).map((item) => [item.requested_purchase_apply_no, item.outcome]),
			).toEqual([
				['NEW-A', 'succeeded'],
				['HAVE-2', 'already created'],
				['NEW-B', 'succeeded'],
			]);
			expect(uploadedNumbers()).toEqual(['NEW-A', 'NEW-B']);
			expect(appliesNumbered('HAVE-2')).toHaveLength(1);
			// exact: one search per number; ignored: the 121 applies once (2 pages).
			expect(searches()).toHaveLength(purchaseApplyNoFilter === 'exact' ? 3 : 2);
		});

		it(`beyond ${UNFILTERED_LOOKUP_BOUND} applies the node cannot tell without the filter: not sent, outcome unknown`, async () => {
			seedOthers(UNFILTERED_LOOKUP_BOUND + 5);
			const { outputs, error } = await rig.run(
				create({ purchaseApplyNo: '={{ $json.no }}' }),
				[{ no: 'FAR-1' }, { no: 'FAR-2' }],
				{ continueOnFail: true },
			);
			expect(error).toBeUndefined();
			const out = jsonOf(outputs[0]);
			if (purchaseApplyNoFilter === 'exact') {
				expect(out.map((item) => item.outcome)).toEqual(['succeeded', 'succeeded']);
				expect(uploadedNumbers()).toEqual(['FAR-1', 'FAR-2']);
				return;
			}
			expect(out).toEqual(
				['FAR-1', 'FAR-2'].map((no) =>
					expect.objectContaining({
						order_no: no,
						success: false,
						outcome: 'unknown',
						requested_purchase_apply_no: no,
						error: expect.stringMatching(
							new RegExp(
								`^Unknown outcome: WDT ignored the purchase_apply_no filter .* more than ${UNFILTERED_LOOKUP_BOUND} applies, so the node could not tell whether ${no} already exists and did not send it`,
							),
						),
					}),
				),
			);
			expect(uploadedNumbers()).toEqual([]);
			// Read once, up to the bound (10 pages of 100), for both numbers.
			expect(searches()).toHaveLength(UNFILTERED_LOOKUP_BOUND / 100);
		});

		it('without Continue On Fail, an unclear look-up fails the run saying nothing was sent', async () => {
			if (purchaseApplyNoFilter === 'exact') {
				seedOthers(3);
				expect((await rig.run(create({ purchaseApplyNo: 'X-1' }))).error).toBeUndefined();
				return;
			}
			seedOthers(UNFILTERED_LOOKUP_BOUND + 1);
			const { error } = await rig.run(create({ purchaseApplyNo: 'X-1' }));
			expect(error?.message).toMatch(/^It is not known whether purchase apply X-1 was created/);
			expect(error?.description).toMatch(/could not tell whether X-1 already exists/);
			expect(uploadedNumbers()).toEqual([]);
		});

		it("matches the number ignoring case, as WDT compares numbers, and shows WDT's spelling", async () => {
			seedOthers(3);
			rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-Mixed-7' });
			const { outputs, error } = await rig.run(create({ purchaseApplyNo: 'poa-mixed-7' }));
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0])).toEqual([
				expect.objectContaining({
					order_no: 'poa-mixed-7',
					outcome: 'already created',
					purchase_apply_no: 'POA-Mixed-7',
					requested_purchase_apply_no: 'poa-mixed-7',
				}),
			]);
			expect(uploadedNumbers()).toEqual([]);
			expect(appliesNumbered('POA-MIXED-7')).toHaveLength(1);
		});

		it('Get Many by number returns only that apply', async () => {
			seedOthers(4);
			rig.sim.addPurchaseApply({ purchaseApplyNo: 'ONE-1' });
			const { outputs, error } = await rig.run({
				resource: 'purchaseApply',
				operation: 'getMany',
				returnAll: true,
				purchaseApplyNo: 'one-1',
			});
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0]).map((apply) => apply.purchase_apply_no)).toEqual(['ONE-1']);
		});
	},
);
