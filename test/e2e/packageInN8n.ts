/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The set-up an e2e flow file shares: the simulator (empty), one real n8n of `version` with the
 * packed package installed as n8n installs community packages, the simulator's credential and
 * the file's workflows imported. Call inside the file's `describe.each(VERSIONS)`; the n8n user
 * folder is kept when a run failed (or WDT_E2E_KEEP is set) and removed otherwise.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, expect } from 'vitest';

import { credentialData, startSimulator, type WdtSimulator } from '../simulator';
import * as e2e from './n8n.mjs';
import type { ExecuteResult, N8nInstance } from './n8n.mjs';

const REPO = resolve(__dirname, '../..');

/** The credential every flow file's WDT nodes name. */
export const E2E_CREDENTIAL = { id: 'wdtcred1', name: 'WDT simulator' };

const tail = (text: string, n = 3000) => (text.length > n ? `…${text.slice(-n)}` : text);

/** What n8n printed for a run, for a failed assertion's message. */
export const explainRun = (r: ExecuteResult) =>
	`exit ${r.code}, error: ${r.error?.message ?? 'none'} ${r.error?.description ?? ''}\n--- stdout ---\n${tail(r.stdout)}\n--- stderr ---\n${tail(r.stderr)}`;

export interface PackageInN8n {
	readonly sim: WdtSimulator;
	readonly inst: N8nInstance;
	/** Executes an imported workflow with `n8n execute`; a failed run fails the test. */
	run(workflowId: string): Promise<ExecuteResult>;
}

/** `seed` fills the simulator before n8n starts; `workflows` are imported once n8n is ready. */
export function usePackageInN8n(
	version: string,
	label: string,
	workflows: () => object[],
	seed: (sim: WdtSimulator) => void = () => {},
): PackageInN8n {
	let sim: WdtSimulator | undefined;
	let inst: N8nInstance | undefined;
	let tmp: string | undefined;
	let failed = true;
	const need = <T>(value: T | undefined, what: string): T => {
		if (value === undefined) throw new Error(`[e2e ${label}] ${what} is not set up`);
		return value;
	};

	beforeAll(async () => {
		const t0 = Date.now();
		sim = await startSimulator({ seed: 'empty' });
		seed(sim);
		inst = await e2e.prepareN8n({ version, log: (s) => process.stderr.write(s) });
		tmp = await mkdtemp(join(tmpdir(), `wdt-e2e-${label}-`));
		const installed = await e2e.installCommunityPackage(
			inst.userFolder,
			await e2e.packPackage(REPO, tmp),
		);
		expect(installed.name).toBe('n8n-nodes-wdt');
		await e2e.importCredentials(inst, [
			{ ...E2E_CREDENTIAL, type: 'wdtApi', data: credentialData(sim.url) },
		]);
		await e2e.importWorkflow(inst, workflows());
		failed = false;
		console.log(
			`[e2e ${label}] n8n ${inst.version} set up in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
		);
	});

	afterAll(async () => {
		await sim?.close();
		if (tmp) await rm(tmp, { recursive: true, force: true });
		if (inst && !process.env.WDT_E2E_KEEP && !failed)
			await rm(inst.userFolder, { recursive: true, force: true });
		else if (inst) console.log(`[e2e ${label}] n8n user folder kept: ${inst.userFolder}`);
	});

	return {
		get sim() {
			return need(sim, 'the simulator');
		},
		get inst() {
			return need(inst, 'n8n');
		},
		async run(workflowId) {
			const r = await e2e.executeWorkflow(need(inst, 'n8n'), workflowId);
			if (!r.ok) failed = true;
			expect(r.ok, `workflow ${workflowId} failed in n8n:\n${explainRun(r)}`).toBe(true);
			return r;
		},
	};
}
