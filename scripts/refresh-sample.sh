#!/usr/bin/env bash
# Regenerates the bundled sample snapshot (public/sample/) from a real scan of the weak local
# cluster, so `npm start` has something true to show when no cluster is configured or reachable.
#   npm run sample:refresh
set -euo pipefail
cd "$(dirname "$0")/.."
kubeconfig=$(node e2e/cluster/cli.ts up --profile weak)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node bin/kube-posture scan --kubeconfig "$kubeconfig" --format json --output "$tmp/weak.json" || [[ $? -eq 1 ]]
node scripts/make-sample-snapshot.ts --posture "$tmp/weak.json" --out public/sample --label "Sample: the weak local cluster (every weakness deliberate)"
echo "public/sample/ refreshed from the weak local cluster"
