/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * `npm run simulator`: starts the WDT simulator with demo data and prints how to reach it.
 * Options (environment): WDT_SIM_PORT (default: any free port), WDT_SIM_LATENCY_MS.
 * The printed credential is fake demo data.
 */
import { formatCst } from './cst';
import { DEMO_SELF_OWNED_SHOP, demoExamples } from './demo-data';
import { demoFlowExamples } from './demo-flows';
import { DEFAULT_SELLER } from './sellers';
import { startSimulator } from './server';

async function main(): Promise<void> {
	const sim = await startSimulator({
		seed: 'demo',
		port: Number(process.env.WDT_SIM_PORT ?? 0),
		latencyMs: Number(process.env.WDT_SIM_LATENCY_MS ?? 0),
	});
	const cancelled = [...sim.stockouts.values()].filter((s) => s.cancelled).length;
	console.log(`WDT simulator listening on ${sim.url}`);
	console.log('Demo credential (fake test data): in n8n, Environment "Custom URL" and');
	console.log(`  Base URL              ${sim.url}`);
	console.log(`  Seller Account (sid)  ${DEFAULT_SELLER.sid}`);
	console.log(`  API Key (appkey)      ${DEFAULT_SELLER.key}`);
	console.log(`  Secret                ${DEFAULT_SELLER.secret}`);
	console.log(`  Salt                  ${DEFAULT_SELLER.salt}`);
	console.log(`Simulated now: ${formatCst(sim.clock.now())} (CST)`);
	const examples = demoExamples(sim);
	console.log(
		`Data: ${sim.purchaseApplies.size} purchase applies (cancel ${examples.cancellableApplies.join(', ')}; stop ${examples.stoppableApply}), ` +
			`${sim.otherOuts.size} other-out orders (cancel ${examples.cancellableOtherOuts.slice(0, 2).join(', ')}), ` +
			`${sim.stockouts.size} sales stockouts (${cancelled} cancelled, last 6 hours), ` +
			'sales orders, refunds, goods, stock and pending tracking numbers',
	);
	const flows = demoFlowExamples(sim);
	console.log(
		`Stock flows: purchase orders (cancel ${flows.cancellablePurchaseOrders.join(', ')}), ` +
			`transfers (cancel ${flows.cancellableTransfers.join(', ')}), ` +
			`stock sync of ${DEMO_SELF_OWNED_SHOP} (waiting ${flows.pendingSyncIds.join(', ')}), ` +
			`invoices to issue (${flows.invoicesToIssue.join(', ')}), purchase and refund stock-ins, ` +
			'stock movements (last hour), stocktakes, raw refunds',
	);
	console.log('Press Ctrl+C to stop.');

	const stop = () => {
		sim.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
