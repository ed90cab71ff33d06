// The benchmark's Node baseline: the smallest honest MCP server on the official TypeScript SDK. It registers
// as many tools as hook0-mcp offers a root token (27), each with one described string argument, answers every
// call with a constant, and speaks MCP over stdio like hook0-mcp does. No network, no token, no probes.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const TOOLS = Number(process.env.BENCH_NODE_TOOLS ?? 27);

const server = new McpServer({ name: "bench-node-baseline", version: "1.0.0" });
for (let i = 1; i <= TOOLS; i++) {
  server.registerTool(
    `tool_${i}`,
    {
      title: `Tool ${i}`,
      description: `Trivial tool number ${i}: answers with a constant.`,
      inputSchema: { id: z.string().optional().describe("Any id (ignored)") },
      annotations: { readOnlyHint: true },
    },
    async () => ({ content: [{ type: "text", text: `tool ${i} ok` }] }),
  );
}
await server.connect(new StdioServerTransport());
