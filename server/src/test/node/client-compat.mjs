// Drives the hook0-mcp server with the official TypeScript MCP SDK client, on every transport, and prints one JSON
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
  const started = Date.now();
  // The three servers of a transport are connected side by side (on stdio, their three processes start at once).
  const connecting = ['root', 'readOnly', 'down'].map((name) => connect(kind, servers[name]));
  const connected = await Promise.allSettled(connecting);
  const open = connected.filter((c) => c.status === 'fulfilled').map((c) => c.value.client);
  try {
    const [root, readOnly, down] = connected.map((c) => {
      if (c.status === 'rejected') {
        throw c.reason;
      }
      return c.value;
    });
    console.error(`${kind}: connected and listed in ${Date.now() - started} ms`);
    report.tools.root = root.tools;
    report.tools.readOnly = readOnly.tools;
    report.tools.down = down.tools;
    // The cases are independent: sent together, as a client with several calls in flight does.
    const cases = {
      success: [root, 'list_applications', {}],
      hook0_404: [root, 'get_event', { application_id: plan.applicationId, event_id: plan.missingId }],
      hook0_403: [root, 'get_application', { application_id: plan.missingId }],
      hook0_422: [root, 'create_subscription', {
        application_id: plan.applicationId, is_enabled: true, event_types: ['billing.invoice.paid'],
        labels: { k: 'v' }, target: { type: 'http', method: 'POST', url: 'https://', headers: {} },
      }],
      unknown_argument: [root, 'list_events', { application_id: plan.applicationId, limit: 5 }],
      wrong_type: [root, 'get_application', { application_id: 12345 }],
      hidden_tool: [readOnly, 'create_application', { organization_id: plan.organizationId, name: 'never created' }],
      hook0_down: [down, 'list_applications', {}],
    };
    const names = Object.keys(cases);
    const results = await Promise.all(names.map((n) => call(cases[n][0].client, cases[n][1], cases[n][2])));
    names.forEach((n, i) => { report.cases[n] = results[i]; });
    if (servers.restart) {
      // A restart with the same token: initialize and tools/list come from the handshake cache.
      const restart = await connect(kind, servers.restart);
      open.push(restart.client);
      report.restart = { tools: restart.tools, success: await call(restart.client, 'list_applications', {}) };
    }
    console.error(`${kind}: all cases in ${Date.now() - started} ms`);
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
