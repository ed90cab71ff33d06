// Hook0's authorization of one request (api/src/iam.rs::authorize, quoted in
// shared/reference/hook0-api-and-iam.md §A.2), evaluated by biscuit-auth 6 compiled to WebAssembly, the engine
// Hook0's API and dashboard use.
//
// Input (a JSON file named by argv[2]): { "queries": [ { "token", "publicKey" (64 hex), "action",
//   "organizationId" (null for organization:list), "applicationId" (only for application-scoped actions),
//   "viewer" (whether Hook0 also adds allowed_role("viewer")), "time" (optional: the instant of the request,
//   e.g. "2027-01-01T00:00:00Z"; without it, now) } ] }
// Output on stdout: { "results": [ { "allowed": bool, "error": string|null } ] }, one per query, in order.
import { readFile } from "node:fs/promises";

console.log = (...args) => console.error(...args); // stdout carries the JSON answer only ("biscuit-wasm loading")

// The package targets bundlers (`import * as wasm from "./biscuit_bg.wasm"`), which Node before 22 cannot import
// without a flag: instantiate the module here and hand it to the generated glue, as a bundler would.
const moduleDir = new URL("./node_modules/@biscuit-auth/biscuit-wasm/module/", import.meta.url);
const glue = await import(new URL("biscuit_bg.js", moduleDir));
const wasmModule = await WebAssembly.compile(await readFile(new URL("biscuit_bg.wasm", moduleDir)));
const imports = {};
for (const { module } of WebAssembly.Module.imports(wasmModule)) {
  imports[module] ??= module === "./biscuit_bg.js" ? glue : await import(new URL(module, moduleDir));
}
const instance = await WebAssembly.instantiate(wasmModule, imports);
glue.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();
const { AuthorizerBuilder, Biscuit, PublicKey, SignatureAlgorithm } = glue;

// Hook0 allows 30 ms. The first runs of a cold WebAssembly engine can exceed any budget while it compiles, so a
// run that hit the time limit is repeated (a few times at most): a timeout is never read as a denial.
const LIMITS = { max_facts: 1000, max_iterations: 100, max_time_micro: 2_000_000 };
const TIMEOUT_ATTEMPTS = 5;

const ALWAYS = `
valid_types(["master_access", "service_access", "user_access"]);
valid_type($t) <- type($t), valid_types($vt), $vt.contains($t);
check if valid_type($t);

supported_version("service_access", 1);
supported_version("user_access", 1);
valid_version($t, $v) <- type($t), version($v), supported_version($t, $v);
valid_version("master_access", 0) <- type("master_access");
check if valid_version($t, $v);

expired($t) <- expired_at($exp), time($t), $exp < $t;
deny if expired($t);
`;

function organizationRules(org) {
  return `
organization_id($id) <- type("user_access"), organization_role($id, $r), $id == ${org};
organization_id(${org}) <- type("master_access");

role($r) <- type("user_access"), organization_id($id), organization_role($id, $r);
valid_role($r) <- role($r), allowed_role($r);
valid_role("service") <- type("service_access");
valid_role("master") <- type("master_access");
check if valid_role($r);

check if organization_id(${org});
`;
}

const hexBytes = (uuid) => "hex:" + uuid.replaceAll("-", "").toLowerCase();
// authorizer.time(): now, second precision.
const now = () => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace(".000Z", "Z");

function authorize(q) {
  let result;
  for (let attempt = 0; attempt < TIMEOUT_ATTEMPTS; attempt++) {
    result = authorizeOnce(q);
    if (!result.error?.includes("Timeout")) {
      break;
    }
  }
  return result;
}

function authorizeOnce(q) {
  try {
    const token = Biscuit.fromBase64(q.token, PublicKey.fromString(q.publicKey, SignatureAlgorithm.Ed25519));
    const builder = new AuthorizerBuilder();
    builder.addCode(ALWAYS);
    if (q.organizationId) {
      builder.addCode(organizationRules(hexBytes(q.organizationId)));
    }
    let facts = `time(${q.time ?? now()});\naction(${JSON.stringify(q.action)});\n`;
    if (q.applicationId) {
      facts += `application_id(${hexBytes(q.applicationId)});\n`;
    }
    facts += `allowed_role("editor");\n`;
    if (q.viewer) {
      facts += `allowed_role("viewer");\n`;
    }
    builder.addCode(facts + "allow if true;");
    builder.buildAuthenticated(token).authorizeWithLimits(LIMITS);
    return { allowed: true, error: null };
  } catch (e) {
    return { allowed: false, error: typeof e === "string" ? e : JSON.stringify(e) ?? String(e) };
  }
}

const input = JSON.parse(await readFile(process.argv[2], "utf8"));
process.stdout.write(JSON.stringify({ results: input.queries.map(authorize) }) + "\n");
