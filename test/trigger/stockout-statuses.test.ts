/**
 * Sales Stockout Cancelled's Statuses option and status names cover every sales stockout status:
 * the searchCancel page's table lacks 50, 52, 58 and 74, which wms.stockout.Sales.queryWithDetail's
 * table names (the catalog completes it), through n8n's poll engine against the simulator.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { stockoutCancelled } from '../../nodes/WdtTrigger/events/stockoutCancelled';
import { formatCst } from '../simulator';
import { MINUTE, T0, useTriggerRig } from './support';

const rig = useTriggerRig();

const activeState = (): IDataObject => ({
	event: 'stockoutCancelled',
	cursor: formatCst(T0 - MINUTE),
	since: formatCst(T0 - MINUTE),
	emitted: {},
});

const ADDED: Array<[number, string, string]> = [
	[50, '待审核', 'Awaiting Review (50)'],
	[52, '缺货待入库', 'Out of Stock, Awaiting Stock-In (52)'],
	[58, '档口锁定', 'Stall Locked (58)'],
	[74, '预打包', 'Pre-Packed (74)'],
];

describe('Sales Stockout Cancelled: statuses the searchCancel page leaves out', () => {
	it('offers them in Options → Statuses with English labels', () => {
		const option = stockoutCancelled.options.find((o) => o.name === 'statuses');
		const names = (option?.options as INodePropertyOptions[]).map((o) => o.name);
		for (const [, , label] of ADDED) expect(names).toContain(label);
		expect(names.every((name) => !/^Status \(/.test(name))).toBe(true);
	});

	it.each(['n8n1', 'n8n2'] as const)(
		'%s: a cancelled stockout whose status is now 52 is emitted with its name, also when Statuses picks 52',
		async (persistence) => {
			// The reading under which searchCancel lists a cancellation in its current state.
			rig.sim.searchCancelStatuses = 'all';
			ADDED.forEach(([status], i) =>
				rig.sim.addStockout({
					stockoutNo: `CK${status}`,
					status,
					cancelled: true,
					modifiedMs: T0 + (i + 1) * 10_000,
				}),
			);
			rig.setTime(T0 + 2 * MINUTE);
			const all = await rig.poll({ persistence, staticData: activeState() });
			expect(all.error).toBeUndefined();
			expect(all.emitted.map((item) => [item.status, item.status_name])).toEqual(
				ADDED.map(([status, name]) => [status, name]),
			);
			const picked = await rig.poll({
				persistence,
				staticData: activeState(),
				parameters: { options: { statuses: [52] } },
			});
			expect(picked.error).toBeUndefined();
			expect(picked.emitted.map((item) => item.stockout_no)).toEqual(['CK52']);
		},
	);
});
