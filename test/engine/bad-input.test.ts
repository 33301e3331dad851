import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { expect, it } from 'vitest';

import { useRig } from './rig';

const rig = useRig();

const line = (extra: IDataObject = {}) => ({ line: [{ specNo: 'S1', num: 1, ...extra }] });
const create = (extra: INodeParameters): INodeParameters => ({
	resource: 'purchaseApply',
	operation: 'create',
	lines: line(),
	...extra,
});
const cancel = (
	operation: string,
	orderNumbers: unknown,
	resource = 'purchaseApply',
): INodeParameters => ({ resource, operation, orderNumbers: orderNumbers as string });
const rows = (extra: INodeParameters): INodeParameters => ({
	resource: 'purchaseApply',
	operation: 'create',
	linesSource: 'inputItems',
	specNoColumn: 'sku',
	numColumn: 'qty',
	...extra,
});
const cancelled = (extra: INodeParameters): INodeParameters => ({
	resource: 'salesStockout',
	operation: 'getManyCancelled',
	...extra,
});
const custom = (extra: INodeParameters): INodeParameters => ({
	resource: 'custom',
	operation: 'call',
	method: { __rl: true, mode: 'name', value: 'system.Core.now' },
	...extra,
});
const good = { sku: 'S1', qty: 1 };

/**
 * [what, parameters, input items, the index of the item the message must name (shown 1-based,
 * as n8n's UI numbers items), the field it must name]
 */
const cases: Array<[string, INodeParameters, IDataObject[], number, RegExp]> = [
	[
		'create: empty SKU code from an expression',
		create({ lines: line({ specNo: '={{ $json.sku }}' }) }),
		[{ sku: '' }],
		0,
		/SKU Code \(spec_no\) is empty/,
	],
	[
		'create: SKU code over 40',
		create({ lines: line({ specNo: 'X'.repeat(41) }) }),
		[{}],
		0,
		/SKU Code \(spec_no\) is 41 characters long; WDT allows at most 40/,
	],
	[
		'create: quantity 0',
		create({ lines: line({ num: 0 }) }),
		[{}],
		0,
		/Quantity \(num\) must be at least 1/,
	],
	['create: negative quantity', create({ lines: line({ num: -3 }) }), [{}], 0, /Quantity \(num\)/],
	[
		'create: fractional quantity',
		create({ lines: line({ num: 1.5 }) }),
		[{}],
		0,
		/Quantity \(num\).*"1.5"/,
	],
	[
		'create: quantity from a text expression',
		create({ lines: line({ num: '={{ $json.q }}' }) }),
		[{ q: 'ten' }],
		0,
		/Quantity \(num\).*"ten"/,
	],
	['create: no lines', create({ lines: {} }), [{}], 0, /Lines are empty/],
	[
		'create: warehouse over 40',
		create({ warehouseNo: 'W'.repeat(41) }),
		[{}],
		0,
		/Warehouse \(warehouse_no\) is 41 characters long; WDT allows at most 40/,
	],
	[
		'create: remark over 255',
		create({ remark: '备'.repeat(256) }),
		[{}],
		0,
		/Remark \(remark\) is 256 characters long; WDT allows at most 255/,
	],
	[
		'create: line remark over 255',
		create({ lines: line({ remark: 'r'.repeat(256) }) }),
		[{}],
		0,
		/Line Remark \(remark\) is 256 characters long/,
	],
	[
		'create: supplier over 40',
		create({ lines: line({ providerNo: 'p'.repeat(41) }) }),
		[{}],
		0,
		/Supplier \(provider_no\) is 41 characters long/,
	],
	[
		'create: apply number over 20',
		create({ purchaseApplyNo: 'POA'.repeat(7) }),
		[{}],
		0,
		/Purchase Apply Number \(purchase_apply_no\) is 21 characters long; WDT allows at most 20/,
	],
	[
		'create: expected time not a date',
		create({ expectedTime: '={{ $json.when }}' }),
		[{ when: 'next week' }],
		0,
		/Expected Arrival \(expected_time\) is not a date/,
	],
	[
		'create: the second item is bad, nothing is sent',
		create({ lines: line({ num: '={{ $json.q }}' }) }),
		[{ q: 2 }, { q: 0 }],
		1,
		/Item 2: .*Quantity \(num\)/,
	],
	[
		'create: the same apply number twice',
		create({ purchaseApplyNo: 'SAME-1' }),
		[{}, {}],
		1,
		/"SAME-1" is also used by item 1/,
	],
	[
		'create rows: missing SKU column',
		rows({}),
		[{ qty: 1 }],
		0,
		/SKU Code Column "sku" is not a field of this item/,
	],
	[
		'create rows: missing quantity column',
		rows({}),
		[{ sku: 'S1' }],
		0,
		/Quantity Column "qty" is not a field/,
	],
	[
		'create rows: bad quantity in row 3',
		rows({}),
		[good, good, { sku: 'S1', qty: 'x' }],
		2,
		/Item 3: .*Quantity \(num\)/,
	],
	[
		'create rows: empty SKU in row 2',
		rows({}),
		[good, { sku: ' ', qty: 1 }],
		1,
		/Item 2: .*SKU Code \(spec_no\) is empty/,
	],
	[
		'create rows: empty group key',
		rows({ groupByColumn: 'key' }),
		[
			{ ...good, key: 'A' },
			{ ...good, key: '' },
		],
		1,
		/Group By Column "key" is empty/,
	],
	[
		'cancel: empty numbers',
		cancel('cancel', '={{ $json.no }}'),
		[{ no: '' }],
		0,
		/Order Numbers \(orderNumbers\) is empty/,
	],
	[
		'cancel: an object instead of numbers',
		cancel('cancel', '={{ $json.x }}'),
		[{ x: { no: 1 } }],
		0,
		/Order Numbers \(orderNumbers\): the value is an object/,
	],
	[
		'cancel: a number over 40 characters',
		cancel('cancel', 'N'.repeat(41)),
		[{}],
		0,
		/is 41 characters long; WDT allows at most 40/,
	],
	[
		'cancel: the third item is empty',
		cancel('cancel', '={{ $json.no }}'),
		[{ no: 'A' }, { no: 'B' }, { no: '' }],
		2,
		/Item 3: Order Numbers/,
	],
	[
		'stop: empty numbers',
		cancel('stop', '  ,  '),
		[{}],
		0,
		/Order Numbers \(orderNumbers\) is empty/,
	],
	[
		'stop: an array holding an object',
		cancel('stop', '={{ $json.x }}'),
		[{ x: ['A', { b: 1 }] }],
		0,
		/the value\[1\] is an object/,
	],
	[
		'other out: empty numbers',
		cancel('cancel', '={{ $json.no }}', 'otherOut'),
		[{ no: null }],
		0,
		/Order Numbers \(orderNumbers\) is empty/,
	],
	[
		'other out: the second item is an object',
		cancel('cancel', '={{ $json.x }}', 'otherOut'),
		[{ x: 'QC1' }, { x: {} }],
		1,
		/Item 2: Order Numbers/,
	],
	[
		'cancelled stockouts: end before start',
		cancelled({ startTime: '2024-01-02T00:00:00', endTime: '2024-01-01T00:00:00' }),
		[{}],
		0,
		/Modified Before \(endTime\) lies before Modified After/,
	],
	[
		'cancelled stockouts: range over 31 days',
		cancelled({ startTime: '2024-01-01T00:00:00', endTime: '2024-03-01T00:00:00' }),
		[{}],
		0,
		/more than 31 days apart/,
	],
	[
		'cancelled stockouts: start not a date',
		cancelled({ startTime: '={{ $json.s }}' }),
		[{ s: 'yesterday-ish' }],
		0,
		/Modified After \(startTime\) is not a date/,
	],
	[
		'get many applies: end before start',
		{
			resource: 'purchaseApply',
			operation: 'getMany',
			startTime: '2024-02-01T00:00:00',
			endTime: '2024-01-01T00:00:00',
		},
		[{}],
		0,
		/lies before/,
	],
	[
		'get many applies: over a year',
		{
			resource: 'purchaseApply',
			operation: 'getMany',
			startTime: '2022-01-01T00:00:00',
			endTime: '2024-01-01T00:00:00',
		},
		[{}],
		0,
		/more than 366 days apart/,
	],
	[
		'call: arguments not JSON',
		custom({ arguments: '[{"a":1' }),
		[{}],
		0,
		/Arguments \(arguments\) are not valid JSON/,
	],
	[
		'call: arguments not an array',
		custom({ arguments: '{"a":1}' }),
		[{}],
		0,
		/Arguments \(arguments\) must be a JSON array/,
	],
	[
		'call: bad method name',
		custom({ method: { __rl: true, mode: 'list', value: '={{ $json.m }}' } }),
		[{ m: 'drop table' }],
		0,
		/Method \(method\) "drop table" is not a WDT method name/,
	],
	[
		'call: empty method',
		custom({ method: { __rl: true, mode: 'list', value: '={{ $json.m }}' } }),
		[{ m: '' }],
		0,
		/Method \(method\) is empty/,
	],
];

// n8n itself refuses to start a node whose required field is empty, before our code runs:
// that is a clear error too, and it also sends nothing.
it('n8n refuses an empty required field before any call', async () => {
	const { error, outputs } = await rig
		.run(cancel('cancel', ''), [{}])
		.catch((caught: Error) => ({ error: caught, outputs: [] }));
	expect(String(error?.message)).toMatch(/issues|Order Numbers/);
	expect(outputs).toEqual([]);
	expect(rig.sim.requests).toHaveLength(0);
});

it('has a matrix of at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

it.each(cases)(
	'%s → a clear error naming the item and the field, and no write',
	async (_what, parameters, input, itemIndex, field) => {
		const { error } = await rig.run(parameters, input);
		expect(error, 'the node must fail').toBeDefined();
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(new RegExp(`^Item ${itemIndex + 1}: `));
		expect(error?.message).toMatch(field);
		expect(rig.sim.writeRequests()).toHaveLength(0);
		// Validation happens before any call at all, reads included.
		expect(rig.sim.requests).toHaveLength(0);
	},
);
