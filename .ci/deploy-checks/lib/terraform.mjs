// Reads terraform/ as JSON (HCL parsed by @cdktf/hcl2json, no provider needed): one object per
// directory (a module or an environment), with its files' blocks merged.
import { parse } from "@cdktf/hcl2json";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./chart.mjs";

export const terraformRoot = path.join(repoRoot, "terraform");

function mergeInto(target, parsed) {
  for (const [blockType, byName] of Object.entries(parsed)) {
    target[blockType] ??= {};
    for (const [key, value] of Object.entries(byName)) {
      target[blockType][key] = Array.isArray(value) ? value : { ...(target[blockType][key] ?? {}), ...value };
    }
  }
  return target;
}

/** { "modules/postgres": {resource, variable, ...}, "environments/production": {...} } */
export async function loadTerraform(root = terraformRoot) {
  const dirs = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith(".tf")) (dirs[path.relative(root, dir)] ??= []).push(full);
    }
  };
  walk(root);
  const result = {};
  for (const [dir, files] of Object.entries(dirs)) {
    result[dir] = {};
    for (const file of files) {
      mergeInto(result[dir], await parse(file, readFileSync(file, "utf8")));
    }
  }
  return result;
}

/** Parses one HCL text as a module of its own (for tests that show a policy failing). */
export async function parseModule(name, hcl) {
  return { [name]: mergeInto({}, await parse(`${name}.tf`, hcl)) };
}
