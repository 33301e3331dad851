/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Diagnostic only (B3): n8n's HTTP stack (@n8n/backend-network, used by n8n-core's
 * httpRequestWithAuthentication) builds new http/https Agents for every request in
 * `setAxiosAgents` → `buildNodeAgents`, so no connection is ever reused: each call opens and
 * closes a TCP connection. This patch makes that function hand out one shared keep-alive agent,
 * which measures how much of the per-call time the fresh agent costs. It changes nothing on disk
 * and is undone right after the measurement.
 */
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type SetAxiosAgents = (config: { httpAgent?: unknown; httpsAgent?: unknown }, ...rest: unknown[]) => void;

function axiosUtils(): { setAxiosAgents: SetAxiosAgents } {
	const requireFromCore = createRequire(require.resolve('n8n-core'));
	const backendNetwork = requireFromCore.resolve('@n8n/backend-network');
	// dist/index.js → dist/http/axios/utils.js: the module request.js calls setAxiosAgents on.
	return requireFromCore(join(dirname(backendNetwork), 'http/axios/utils.js')) as { setAxiosAgents: SetAxiosAgents };
}

/** Counts how many agents n8n builds, without changing behaviour. Returns a function to undo. */
export function countAgentBuilds(): { count: () => number; restore: () => void } {
	const utils = axiosUtils();
	const original = utils.setAxiosAgents;
	let built = 0;
	utils.setAxiosAgents = (config, ...rest) => {
		const before = config.httpAgent;
		original(config, ...rest);
		if (config.httpAgent && config.httpAgent !== before) built++;
	};
	return {
		count: () => built,
		restore: () => {
			utils.setAxiosAgents = original;
		},
	};
}

/** Shares one keep-alive agent pair across all of n8n's requests. Returns a function to undo. */
export function shareKeepAliveAgent(): () => void {
	const utils = axiosUtils();
	const original = utils.setAxiosAgents;
	const httpAgent = new http.Agent({ keepAlive: true });
	const httpsAgent = new https.Agent({ keepAlive: true });
	utils.setAxiosAgents = (config) => {
		if (config.httpAgent || config.httpsAgent) return;
		config.httpAgent = httpAgent;
		config.httpsAgent = httpsAgent;
	};
	return () => {
		utils.setAxiosAgents = original;
		httpAgent.destroy();
		httpsAgent.destroy();
	};
}
