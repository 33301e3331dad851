/**
 * Stock Moved: each movement of wms.StockSpec.queryChangeHistory once (movements have no id:
 * movementKey), 60-minute windows for a warehouse or everything, one read per SKU code, under
 * each reading of the page's window (replies.changeHistoryWindow), spec_no
 * (replies.changeHistorySpecNo) and time form (replies.timeForm).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { DEFAULT_REPLY_CHOICES, moveStock } from '../simulator';
import { HOUR, MINUTE, paramsOf, pollMinutes, stateAt, T0, useTriggerRig } from './support';
import { activate, rateLimitTest, type WindowedEventCase } from './windowedEvents';

const QUERY = 'wms.StockSpec.queryChangeHistory';
const EVENT = 'stockMoved';
const rig = useTriggerRig();

afterEach(() => {
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
});

const moved = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });
const active = () => stateAt(EVENT, T0 - MINUTE);
const docs = (emitted: IDataObject[]) =>
	emitted.map(
		(json) => `${String(json.stockio_no)}:${String(json.spec_no)}:${String(json.direction)}`,
	);

let nextDoc = 0;
function move(
	atMs: number,
	specNo = 'MUG-350',
	delta = 2,
	extra: Partial<Parameters<typeof moveStock>[1]> = {},
) {
	const stockioNo = `IO${++nextDoc}`;
	moveStock(rig.sim, {
		warehouseNo: 'WH01',
		specNo,
		delta,
		srcOrderType: 10,
		srcOrderNo: `CG${nextDoc}`,
		stockioNo,
		atMs,
		...extra,
	});
	return extra.stockioNo ?? stockioNo;
}

const movementCase: WindowedEventCase = {
	rig,
	name: 'Stock Moved',
	parameters: moved(),
	method: QUERY,
	add: (atMs) => move(atMs),
	id: (json) => json.stockio_no,
};

describe.each(['n8n1', 'n8n2'] as const)('%s: Stock Moved', (persistence) => {
	rateLimitTest(movementCase, persistence);

	it('emits nothing from before the activation, then each movement once, with why and which way', async () => {
		move(T0 - 2 * MINUTE);
		const activation = await activate(rig, persistence, moved());
		const a = move(T0 + 10_000, 'MUG-350', 5);
		const b = move(T0 + 20_000, 'CABLE-C-1M', -1);
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 3], moved());
		expect(docs(first.emitted)).toEqual([`${a}:MUG-350:in`, `${b}:CABLE-C-1M:out`]);
		expect(first.emitted[0]).toMatchObject({
			src_order_type: 10,
			src_order_type_name: '采购入库',
			created_iso: expect.stringMatching(/\+08:00$/),
		});
		const c = move(T0 + 4 * MINUTE, 'MUG-350', -3);
		const next = await pollMinutes(rig, persistence, first.staticData, [5, 7], moved());
		expect(docs(next.emitted)).toEqual([`${c}:MUG-350:out`]);
	});
});

describe('windows, SKUs and readings', () => {
	it.each(['text', 'ms'] as const)(
		'two lines of one SKU in one document are two events; a busy day after an outage reads hour windows (times as %s)',
		async (timeForm) => {
			rig.sim.replies.timeForm = timeForm;
			const twice = { stockioNo: 'IO-TWICE' };
			move(T0 + 10_000, 'MUG-350', 1, twice);
			move(T0 + 10_000, 'MUG-350', 1, twice);
			for (let i = 1; i <= 10; i++) move(T0 + i * 50 * MINUTE, `SKU-${i % 3}`, i % 2 ? 1 : -1);
			rig.setTime(T0 + 9 * HOUR);
			const result = await rig.poll({ staticData: active(), parameters: moved() });
			expect(result.error).toBeUndefined();
			expect(result.emitted).toHaveLength(12);
			const windows = paramsOf(result, QUERY);
			expect(windows.length).toBeGreaterThanOrEqual(9);
			for (const params of windows)
				expect(
					Date.parse(`${String(params.end_date)}+08:00`.replace(' ', 'T')) -
						Date.parse(`${String(params.start_date)}+08:00`.replace(' ', 'T')),
				).toBeLessThanOrEqual(HOUR);
			rig.setTime(T0 + 9 * HOUR + MINUTE);
			const again = await rig.poll({ staticData: result.staticData, parameters: moved() });
			expect(again.emitted).toEqual([]);
		},
	);

	it.each([
		['bySku', 'one'],
		['hour', 'one'],
		['bySku', 'list'],
	] as const)(
		'SKU Codes: one call per code per window, only those SKUs, each once (window %s, spec_no %s)',
		async (window, specNo) => {
			rig.sim.replies.changeHistoryWindow = window;
			rig.sim.replies.changeHistorySpecNo = specNo;
			const a = move(T0 + 10_000, 'MUG-350');
			move(T0 + 20_000, 'OTHER');
			const b = move(T0 + 30_000, 'CABLE-C-1M', -2);
			const options = { specNos: 'MUG-350, CABLE-C-1M', warehouseNo: 'WH01' };
			const result = await pollMinutes(rig, 'n8n1', active(), [2, 3], moved(options));
			expect(docs(result.emitted).sort()).toEqual(
				[`${a}:MUG-350:in`, `${b}:CABLE-C-1M:out`].sort(),
			);
			const sent = paramsOf(result.polls[0], QUERY);
			expect(sent.map((params) => params.spec_no)).toEqual(['MUG-350', 'CABLE-C-1M']);
			expect(sent[0]).toMatchObject({ warehouse_no: 'WH01', defect: false });
		},
	);

	it('Direction and Defective Stock are sent; a bad SKU Codes option is refused naming it', async () => {
		move(T0 + 10_000, 'MUG-350', 2);
		const out = move(T0 + 20_000, 'MUG-350', -1);
		move(T0 + 30_000, 'MUG-350', 1, { defect: true });
		const result = await pollMinutes(rig, 'n8n1', active(), [2, 2], moved({ type: '2' }));
		expect(docs(result.emitted)).toEqual([`${out}:MUG-350:out`]);
		expect(paramsOf(result.polls[0], QUERY)[0]).toMatchObject({ type: 2, defect: false });
		const bad = await rig.poll({
			staticData: active(),
			parameters: moved({ specNos: 'X'.repeat(41) }),
		});
		expect(String((bad.error as Error)?.message)).toMatch(
			/Options → SKU Codes holds a code longer than 40/,
		);
	});
});
