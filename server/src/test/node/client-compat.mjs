// Drives the hook0-mcp jar with the official TypeScript MCP SDK client, on every transport, and prints one JSON
// report on stdout: per transport, the tools listed and, per case, what the SDK client handed back (a result, or
// the error it threw). TypeScriptClientIT writes the plan (argv[2]) and asserts on the report; this script only
// records, so a failing case shows up as data, not as a crash.
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function transportFor(kind, server) {
  if (kind === 'stdio') {
    return new StdioClientTransport({ command: server.command, args: server.args, env: server.env, stderr: 'inherit' });
  }
  const requestInit = server.token ? { headers: { Authorization: `Bearer ${server.token}` } } : undefined;
  if (kind === 'http') {
    return new StreamableHTTPClientTransport(new URL(server.url), { requestInit });
  }
  if (kind === 'sse') {
    return new SSEClientTransport(new URL(server.url), { requestInit });
  }
  throw new Error(`unknown transport ${kind}`);
}

async function connect(kind, server) {
  const client = new Client({ name: 'hook0-mcp-ts-compat', version: '1.0.0' });
  await client.connect(transportFor(kind, server));
  // Real clients list tools first; the SDK then checks every structured result against the tool's outputSchema.
  const tools = (await client.listTools()).tools.map((t) => t.name);
  return { client, tools };
}

function textOf(result) {
  return (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('');
}

async function call(client, name, args) {
  try {
    const result = await client.callTool({ name, arguments: args });
    return {
      outcome: 'result',
      isError: result.isError === true,
      hasStructuredContent: result.structuredContent !== undefined,
      structuredContent: result.structuredContent ?? null,
      text: textOf(result),
    };
  } catch (e) {
    return { outcome: 'thrown', code: e?.code ?? null, message: String(e?.message ?? e) };
  }
}

async function runTransport(kind, servers) {
  const report = { tools: {}, cases: {} };
  const open = [];
  try {
    const root = await connect(kind, servers.root);
    open.push(root.client);
    report.tools.root = root.tools;
    report.cases.success = await call(root.client, 'list_applications', {});
    report.cases.hook0_404 = await call(root.client, 'get_event',
      { application_id: plan.applicationId, event_id: plan.missingId });
    report.cases.hook0_403 = await call(root.client, 'get_application', { application_id: plan.missingId });
    report.cases.hook0_422 = await call(root.client, 'create_subscription', {
      application_id: plan.applicationId, is_enabled: true, event_types: ['billing.invoice.paid'],
      labels: { k: 'v' }, target: { type: 'http', method: 'POST', url: 'https://', headers: {} },
    });
    report.cases.unknown_argument = await call(root.client, 'list_events',
      { application_id: plan.applicationId, limit: 5 });
    report.cases.wrong_type = await call(root.client, 'get_application', { application_id: 12345 });

    const readOnly = await connect(kind, servers.readOnly);
    open.push(readOnly.client);
    report.tools.readOnly = readOnly.tools;
    report.cases.hidden_tool = await call(readOnly.client, 'create_application',
      { organization_id: plan.organizationId, name: 'never created' });

    const down = await connect(kind, servers.down);
    open.push(down.client);
    report.tools.down = down.tools;
    report.cases.hook0_down = await call(down.client, 'list_applications', {});
  } catch (e) {
    report.failure = String(e?.stack ?? e);
  } finally {
    await Promise.allSettled(open.map((c) => c.close()));
  }
  return report;
}

const kinds = Object.keys(plan.transports);
const reports = await Promise.all(kinds.map((kind) => runTransport(kind, plan.transports[kind])));
process.stdout.write(JSON.stringify(Object.fromEntries(kinds.map((kind, i) => [kind, reports[i]]))) + '\n');
process.exit(0);
