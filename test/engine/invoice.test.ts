/**
 * Invoice → Get Many and Update (finance.invoice.InvoiceOrder.*) through n8n-core's engine against
 * the simulator, under each reading it serves: replies.invoiceDefaultMode (what a search without
 * mode 1 returns) and replies.invoiceUpdateFields (the table's required fields or the example's).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { invoiceUpdateOutcomes } from '../../nodes/Wdt/actions/invoice/updateReply';
import { addInvoice, DEFAULT_REPLY_CHOICES, INVOICES } from '../simulator';
import { jsonOf, pairsOf, useRig } from './rig';

const rig = useRig();
const UPDATE = 'finance.invoice.InvoiceOrder.updateInvoice';
const DAY = 24 * 3600_000;

function seed() {
	const now = rig.sim.clock.now();
	const add = (no: string, status: number, daysAgo: number) =>
		addInvoice(
			rig.sim,
			{
				invoice_order_no: no,
				status,
				invoice_amount: 4,
				detail_list: [{ item_name: 'T', num: 1, price: 3.53, row_type: '0' }],
			},
			now - daysAgo * DAY,
		);
	add('FP1', 45, 1);
	add('FP2', 85, 2);
	add('FP3', 60, 3);
	add('FP4', 5, 40);
	add('FP5', 45, 45);
}
const getMany = (filters: INodeParameters = {}, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'invoice',
	operation: 'getMany',
	returnAll: true,
	startTime: new Date(rig.sim.clock.now() - 60 * DAY).toISOString(),
	endTime: new Date(rig.sim.clock.now()).toISOString(),
	filters,
	...extra,
});
const numbers = (items: IDataObject[]) => items.map((item) => item.invoice_order_no).sort();

describe.each(['offlinePending', 'offlineOpen'] as const)(
	'Invoice → Get Many (invoiceDefaultMode %s)',
	(reading) => {
		it('"still to issue" is one node with a filter; mode 1 always sent', async () => {
			rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, invoiceDefaultMode: reading };
			seed();
			const toIssue = await rig.run(getMany({ statuses: ['45', '85'] }));
			expect(toIssue.error).toBeUndefined();
			expect(numbers(jsonOf(toIssue.outputs[0]))).toEqual(['FP1', 'FP2', 'FP5']);
			for (const request of rig.sim.requestsFor(INVOICES))
				expect((request.args as IDataObject[])[0]).toMatchObject({ mode: 1 });

			const all = await rig.run(getMany());
			expect(numbers(jsonOf(all.outputs[0]))).toEqual(['FP1', 'FP2', 'FP3', 'FP4', 'FP5']);

			rig.sim.clearRequests();
			const one = await rig.run(getMany({ statuses: ['85'] }, { outputMode: 'lines' }));
			expect(jsonOf(one.outputs[0])).toEqual([
				expect.objectContaining({
					invoice_order_no: 'FP2',
					item_name: 'T',
					invoice_status_name: '线下开票失败',
				}),
			]);
			expect((rig.sim.requestsFor(INVOICES)[0].args as IDataObject[])[0]).toMatchObject({
				mode: 1,
				status: 85,
			});
		});
	},
);

const update = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'invoice',
	operation: 'update',
	status: 60,
	invoiceNo: '={{ $json.no }}',
	invoiceCode: '044001',
	fileUrl: 'https://example.com/i.pdf',
	...extra,
});

describe.each(['table', 'example'] as const)(
	'Invoice → Update (invoiceUpdateFields %s)',
	(reading) => {
		it('one call for the batch, one outcome per invoice from error_info', async () => {
			rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, invoiceUpdateFields: reading };
			seed();
			const { outputs, error } = await rig.run(
				update(),
				[
					{ invoice_order_no: 'FP1', no: 'N1' },
					{ invoice_order_no: 'FP3', no: 'N3' },
					{ invoice_order_no: 'FP9', no: 'N9' },
				],
				{ onError: 'continueRegularOutput' },
			);
			expect(error).toBeUndefined();
			expect(rig.sim.requestsFor(UPDATE)).toHaveLength(1);
			const [sent] = rig.sim.requestsFor(UPDATE)[0].args as IDataObject[][];
			expect(sent[0]).toEqual({
				invoice_order_no: 'FP1',
				status: 60,
				invoice_no: 'N1',
				invoice_code: '044001',
				file_url: 'https://example.com/i.pdf',
			});
			const items = jsonOf(outputs[0]);
			expect(items.map((item) => [item.order_no, item.outcome])).toEqual([
				['FP1', 'succeeded'],
				['FP3', 'failed'],
				['FP9', 'failed'],
			]);
			expect(items[2].error).toBe('发票不存在!');
			expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
			expect(rig.sim.records(INVOICES).find((r) => r.invoice_order_no === 'FP1')?.status).toBe(60);
		});

		it('checks the fields the table requires before the first call, whatever WDT accepts', async () => {
			rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, invoiceUpdateFields: reading };
			seed();
			const noCode = await rig.run(update({ invoiceCode: '' }), [
				{ invoice_order_no: 'FP1', no: 'N1' },
			]);
			expect(noCode.error?.message).toMatch(/^Item 1: Invoice Code \(invoice_code\) is empty/);
			const noFile = await rig.run(update({ fileUrl: '' }), [
				{ invoice_order_no: 'FP1', no: 'N1' },
			]);
			expect(noFile.error?.message).toMatch(/^Item 1: File URL \(file_url\) is empty/);
			expect(rig.sim.requestsFor(UPDATE)).toHaveLength(0);
			const failed = await rig.run(
				update({ status: 85, fileUrl: '', invoiceFields: { error_info: '抬头有误' } }),
				[{ invoice_order_no: 'FP2', no: 'N2' }],
			);
			expect(failed.error).toBeUndefined();
			expect(jsonOf(failed.outputs[0])[0]).toMatchObject({
				outcome: 'succeeded',
				invoice_order_no: 'FP2',
			});
		});
	},
);

describe('Invoice → Update reply reader', () => {
	it('reads the page examples; a reply without error_info is unknown', () => {
		expect(invoiceUpdateOutcomes(['FP1'], { status: 0, error_info: {} })[0].outcome).toBe(
			'succeeded',
		);
		expect(
			invoiceUpdateOutcomes(['FP201902130005', 'FP2'], {
				status: 0,
				error_info: { FP201902130005: '发票不存在!' },
			}).map((outcome) => outcome.outcome),
		).toEqual(['failed', 'succeeded']);
		expect(() => invoiceUpdateOutcomes(['FP1'], { status: 0 })).toThrow(/without error_info/);
	});

	it('a lost reply leaves every invoice of the call unknown, sent once', async () => {
		seed();
		rig.sim.faults.next('dropAfterWrite', 1, UPDATE);
		const { outputs } = await rig.run(
			update(),
			[
				{ invoice_order_no: 'FP1', no: 'N1' },
				{ invoice_order_no: 'FP2', no: 'N2' },
			],
			{
				continueOnFail: true,
			},
		);
		expect(rig.sim.requestsFor(UPDATE)).toHaveLength(1);
		expect(jsonOf(outputs[0]).map((item) => item.outcome)).toEqual(['unknown', 'unknown']);
	});
});
