#!/usr/bin/env bash
# Renders every overlay in k8s/overlays with `kubectl kustomize` and validates every object against the
# Kubernetes JSON schemas of npm kubernetes-models@5 (it catches what typed Java models let through, such as
# a string where a number belongs, and unknown fields). Installs kubernetes-models and js-yaml into a
# temporary directory (NPM_CACHE_DIR keeps a copy between runs). Exit status 1 on any invalid object.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v kubectl >/dev/null || { echo "kubectl is not on the PATH" >&2; exit 1; }

npm_dir="${NPM_CACHE_DIR:-$(mktemp -d)}"
if [[ ! -d "$npm_dir/node_modules/kubernetes-models" || ! -d "$npm_dir/node_modules/js-yaml" ]]; then
  (cd "$npm_dir" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund --ignore-scripts \
    kubernetes-models@5 js-yaml@4 >/dev/null)
fi

# An ES module (kubernetes-models@5 exports ES modules only) next to node_modules, which it resolves from.
cat >"$npm_dir/validate.mjs" <<'JS'
// Reads rendered YAML on stdin; validates each object with the kubernetes-models class of its apiVersion/kind.
import yaml from "js-yaml";
const overlay = process.argv[2];
let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", async () => {
  let failures = 0;
  let count = 0;
  for (const object of yaml.loadAll(input)) {
    if (!object) continue;
    count++;
    const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
    const module = `kubernetes-models/${group ? group + "/" : ""}${version}/${object.kind}`;
    const name = `${overlay}: ${object.kind}/${object.metadata && object.metadata.name}`;
    let Model;
    try {
      Model = (await import(module))[object.kind];
      if (!Model) throw new Error("no class " + object.kind);
    } catch (e) {
      console.error(`INVALID ${name}: no schema (${module}: ${e.message})`);
      failures++;
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`ok      ${name}`);
    } catch (e) {
      console.error(`INVALID ${name}: ${e.message}`);
      failures++;
    }
  }
  if (count === 0) {
    console.error(`INVALID ${overlay}: renders no objects`);
    failures++;
  }
  process.exit(failures ? 1 : 0);
});
JS

status=0
for overlay in k8s/overlays/*/; do
  name=$(basename "$overlay")
  rendered=$(kubectl kustomize "$overlay")
  node "$npm_dir/validate.mjs" "$name" <<<"$rendered" || status=1
done
exit $status
