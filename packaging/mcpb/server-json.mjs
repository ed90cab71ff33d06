// Writes the MCP registry's server.json for the packed bundle: registryType "mcpb", the bundle's download URL as
// identifier and its SHA-256 as fileSha256 (clients check the hash before installing).
// Usage: node server-json.mjs <manifest.json> <bundle.mcpb> <owner/repo on GitHub> <output>
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

const SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

const [manifestFile, bundle, repository, output] = process.argv.slice(2);
if (!output || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository ?? "")) {
  console.error("usage: node server-json.mjs <manifest.json> <bundle.mcpb> <owner/repo> <output>");
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
const sha256 = createHash("sha256").update(readFileSync(bundle)).digest("hex");
const [owner, repo] = repository.split("/");
const version = manifest.version;

const server = {
  $schema: SCHEMA,
  name: `io.github.${owner}/${repo}`,
  title: manifest.display_name,
  description: "Hook0 webhooks (apps, subscriptions, events, deliveries) with what its service token allows",
  version,
  repository: { url: `https://github.com/${repository}`, source: "github" },
  packages: [
    {
      registryType: "mcpb",
      identifier: `https://github.com/${repository}/releases/download/v${version}/${basename(bundle)}`,
      version,
      fileSha256: sha256,
      transport: { type: "stdio" },
      environmentVariables: [
        {
          name: "HOOK0_API_TOKEN",
          description: manifest.user_config.hook0_api_token.description,
          isRequired: true,
          isSecret: true,
        },
        {
          name: "HOOK0_API_URL",
          description: manifest.user_config.hook0_api_url.description,
          default: manifest.user_config.hook0_api_url.default,
        },
      ],
    },
  ],
};

writeFileSync(output, JSON.stringify(server, null, 2) + "\n");
console.error(`server.json: ${server.name} ${version}, sha256 ${sha256}`);
