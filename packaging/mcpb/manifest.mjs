// Writes the bundle's manifest.json: the committed template with the version of the jar it ships and the tools
// array taken from the tool catalogue (one JSON file per tool), so the manifest never drifts from the server.
// Usage: node manifest.mjs <template> <catalogue dir> <version> <output>
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [template, catalogueDir, version, output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node manifest.mjs <template> <catalogue dir> <version> <output>");
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(template, "utf8"));
const tools = readdirSync(catalogueDir)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(catalogueDir, file), "utf8")))
  .map((tool) => ({ name: tool.name, description: tool.description }));
if (tools.length === 0 || tools.some((tool) => !tool.name || !tool.description)) {
  console.error(`no usable tool definitions in ${catalogueDir}`);
  process.exit(1);
}

manifest.version = version;
manifest.tools = tools;
writeFileSync(output, JSON.stringify(manifest, null, 2) + "\n");
console.error(`manifest.json: version ${version}, ${tools.length} tools`);
