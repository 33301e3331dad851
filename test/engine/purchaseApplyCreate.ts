/** Shared by the Purchase Apply → Create test files: the node's parameters and what was uploaded. */
import type { Rig } from './rig';

/** Purchase Apply → Create with one line (TS-001 × 1) and `extra` parameters. */
export const createApply = (extra: Record<string, unknown> = {}) => ({
	resource: 'purchaseApply',
	operation: 'create',
	lines: { line: [{ specNo: 'TS-001', num: 1 }] },
	...extra,
});

/** The purchase_apply_no of every upload the simulator received, in order. */
export const uploadedApplyNumbers = (rig: Rig) =>
	rig.sim
		.requestsFor('purchase.PurchaseApply.upload')
		.map((q) => (q.args as Array<Record<string, unknown>>)[0].purchase_apply_no);
