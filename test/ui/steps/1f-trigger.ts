/**
 * 1f: the user activates a WDT Trigger workflow in the editor, it polls, and the workflow's
 * executions list fills. The poll is the fastest n8n accepts (every 3 s on 1.x; 2.x refuses less
 * than a minute). One stockout is cancelled in the simulator after activation, stamped so the
 * next polls' window covers it (as in test/e2e's trigger test).
 */
import { expect, it } from 'vitest';

import { defineStep } from '../harness';

const TOGGLE = '[data-test-id="workflow-activate-switch"]';

export default defineStep(
	'1f',
	'a trigger workflow activated in the editor polls and runs',
	(ui) => {
		it('activates, polls, and the executions list shows the run', async () => {
			const { sim } = ui.dev;
			const pollMs = ui.major >= 2 ? 60_000 : 3_000;
			const workflowId = await ui.createWorkflow({
				name: 'UI test: cancelled stockouts trigger',
				nodes: [
					{
						parameters: {
							pollTimes: {
								item: [
									{
										mode: 'custom',
										cronExpression: ui.major >= 2 ? '0 * * * * *' : '0-59/3 * * * * *',
									},
								],
							},
							event: 'stockoutCancelled',
							options: {},
						},
						id: '7e1f0c3a-1f00-4c1b-9f0a-3b1e6d2c0001',
						name: 'WDT Trigger',
						type: 'n8n-nodes-wdt.wdtTrigger',
						typeVersion: 1,
						position: [0, 0],
						credentials: ui.credentialRef,
					},
					{
						parameters: {},
						id: '7e1f0c3a-1f00-4c1b-9f0a-3b1e6d2c0002',
						name: 'Got it',
						type: 'n8n-nodes-base.noOp',
						typeVersion: 1,
						position: [250, 0],
					},
				],
				connections: { 'WDT Trigger': { main: [[{ node: 'Got it', type: 'main', index: 0 }]] } },
			});
			const stockout = sim.addStockout({ status: 'toShip' });
			const seq = sim.requests[sim.requests.length - 1]?.seq ?? 0;
			const nowCalls = () =>
				sim.requests.filter((r) => r.seq > seq && r.method === 'system.Core.now');

			await ui.openWorkflow(workflowId);
			if (ui.major >= 2) {
				// 2.x activates by publishing: Publish → the dialog's Publish.
				await ui.page
					.locator('[data-test-id="workflow-open-publish-modal-button"]')
					.first()
					.click();
				const publish = ui.page.locator('[data-test-id="workflow-publish-button"]').first();
				await publish.waitFor({ timeout: 15_000 });
				await ui.shot('1f-publish-dialog');
				await publish.click();
			} else {
				await ui.page.locator(TOGGLE).first().click();
				// 1.x confirms the first activation in a dialog ("Workflow activated … Got it").
				const gotIt = ui.page.getByRole('button', { name: /got it/i });
				if (await gotIt.isVisible({ timeout: 5_000 }).catch(() => false)) {
					await ui.shot('1f-activated-dialog');
					await gotIt.click();
				}
				await ui.page
					.getByText(/^\s*Active\s*$/)
					.first()
					.waitFor({ timeout: 30_000 });
			}
			const [firstNow] = await ui.waitFor(() => (nowCalls().length ? nowCalls() : undefined), {
				timeoutMs: 30_000,
				what: 'the first poll (activation asks WDT for its time)',
			});
			expect(firstNow.status).toBe(0);
			await ui.shot('1f-activated');
			// The first poll starts the cursor one minute before WDT's now; a change stamped 50 s
			// before that poll lies after the cursor and is read once a poll's window passes it.
			sim.cancelStockout(stockout.stockoutId, Math.floor(firstNow.at / 1000) * 1000 - 50_000);

			// The workflow's Executions tab (auto-refreshing); reloaded now and then in case it does not.
			await ui.goto(`/workflow/${workflowId}/executions`);
			const sidebar = ui.page.locator('[data-test-id="executions-sidebar"]').first();
			let lastReload = Date.now();
			await ui.waitFor(
				async () => {
					const text = await sidebar.innerText().catch(() => '');
					if (/succeeded|success/i.test(text)) return true;
					if (Date.now() - lastReload > 20_000) {
						await ui.page.reload();
						await ui.page.waitForLoadState('networkidle');
						lastReload = Date.now();
					}
					return false;
				},
				{
					timeoutMs: 90_000 + pollMs * 2,
					intervalMs: 1_000,
					what: 'a successful run in the executions list',
				},
			);
			await ui.shot('1f-executions-list');
			expect(nowCalls().length, 'the trigger polled more than once').toBeGreaterThan(1);
			const { results } = await ui.dev.rest.listExecutions({ workflowId });
			expect(
				results.map((r) => [r.mode, r.status]),
				'one run, by the trigger',
			).toEqual([['trigger', 'success']]);
			const execution = await ui.dev.rest.getExecution(results[0].id);
			expect(execution.data, 'the run carries the cancelled stockout').toContain(
				stockout.stockoutNo,
			);

			if (ui.major >= 2) {
				await ui.dev.rest.deactivateWorkflow(workflowId); // 2.x: Unpublish, in Publish's menu
			} else {
				await ui.openWorkflow(workflowId);
				await ui.page.locator(TOGGLE).first().click();
				await ui.page
					.getByText(/^\s*Inactive\s*$/)
					.first()
					.waitFor({ timeout: 30_000 });
			}
			await ui.shot('1f-deactivated');
		});
	},
);
