/**
 * Workflow JSON for the runs in real n8n (test/e2e and test/queue), written as a list of nodes
 * and the links between them; `n8n import:workflow` takes what `workflow()` returns.
 */
import { randomUUID } from 'node:crypto';

export type NodeSpec = {
	name: string;
	type: string;
	typeVersion?: number;
	parameters?: Record<string, unknown>;
	onError?: 'continueErrorOutput' | 'continueRegularOutput' | 'stopWorkflow';
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
};

/** [from, to, output of `from` (default 0)]. */
export type Link = [string, string, number?];

/** Each node linked to the next, in order. */
export const chain = (nodes: readonly NodeSpec[]): Link[] =>
	nodes.slice(1).map((node, i): Link => [nodes[i].name, node.name]);

/**
 * An inactive workflow in the Asia/Shanghai timezone. Ids of 16 characters at most: `n8n
 * execute --id` ignores longer ones; 2.x's import needs one.
 */
export function workflow(
	id: string,
	name: string,
	nodes: readonly NodeSpec[],
	links: readonly Link[] = chain(nodes),
): Record<string, unknown> {
	const connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	> = {};
	for (const [from, to, output = 0] of links) {
		const main = (connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: 0 });
	}
	return {
		id,
		name,
		active: false,
		nodes: nodes.map((n, i) => ({
			id: randomUUID(),
			name: n.name,
			type: n.type,
			typeVersion: n.typeVersion ?? 1,
			position: [i * 220, 0],
			parameters: n.parameters ?? {},
			...(n.onError ? { onError: n.onError } : {}),
			...(n.credentials ? { credentials: n.credentials } : {}),
			...(n.webhookId ? { webhookId: n.webhookId } : {}),
		})),
		connections,
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
		pinData: {},
	};
}

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
	[key: string]: unknown;
}

/**
 * An example of examples/ (its JSON text) as a user sets it up, for `n8n execute`: its Schedule Trigger becomes a
 * Manual Trigger named Start, every HTTP Request node gets `httpUrl`, every WDT node `credential`.
 */
export function headlessExample(
	exampleJson: string,
	id: string,
	{ credential, httpUrl }: { credential: { id: string; name: string }; httpUrl: string },
): Record<string, unknown> {
	const example = JSON.parse(exampleJson) as {
		name: string;
		nodes: ExampleNode[];
		connections: Record<string, unknown>;
		settings: unknown;
	};
	const schedule = example.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
	if (!schedule) throw new Error(`${example.name} has no Schedule Trigger`);
	const nodes = example.nodes.map((n): ExampleNode => {
		if (n === schedule)
			return {
				...n,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				parameters: {},
			};
		if (n.type === 'n8n-nodes-base.httpRequest')
			return { ...n, parameters: { ...n.parameters, url: httpUrl } };
		if (n.credentials?.wdtApi) return { ...n, credentials: { wdtApi: credential } };
		return n;
	});
	const connections = Object.fromEntries(
		Object.entries(example.connections).map(([from, links]) => [
			from === schedule.name ? 'Start' : from,
			links,
		]),
	);
	return {
		id,
		name: `E2E ${example.name}`,
		active: false,
		nodes,
		connections,
		settings: example.settings,
		pinData: {},
	};
}
