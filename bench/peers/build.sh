#!/usr/bin/env bash
# Builds a peer scanner for the benchmark from its Go module (through the module proxy) and
# caches it outside the repository, keyed by version, like e2e/cluster/build-binaries.sh.
#
#   bench/peers/build.sh popeye|polaris
#
# Prints the binary's path on the last line of stdout. On failure exits 1 and the last line of
# stderr says why (bench/run.ts reports the peer as "not available: <that line>").
#
#   KUBE_POSTURE_BIN_CACHE  cache root (default ~/.cache/kube-posture/bin)
#   POPEYE_VERSION, POLARIS_VERSION  override the versions below
set -euo pipefail

POPEYE_VERSION="${POPEYE_VERSION:-v0.22.1}"
# Polaris tags ("10.1.2") are not Go semver, so only pseudo-versions resolve through the proxy.
# This is master at 47c7deddfd66 (2026-04-01), the version FairwindsOps' own insights-plugins
# pin. The proxy's checksum database answers 404 for it, so its sum is checked against the hash
# recorded in that repository's go.sum (plugins/admission/go.sum) instead.
POLARIS_VERSION="${POLARIS_VERSION:-v0.0.0-20260401181752-47c7deddfd66}"
POLARIS_SUM_v0_0_0_20260401181752_47c7deddfd66="h1:3q+OuVEZ6xowXMVNtEd3XTxEt3X8tyuWZDsaOu72FvU="

log() { echo "[peers build] $*" >&2; }
fail() { log "$*"; exit 1; }

tool="${1:-}"
case "$tool" in
  popeye) version="$POPEYE_VERSION"; module=github.com/derailed/popeye
          ldflags="-s -w -X $module/cmd.version=$version" ;;
  polaris) version="$POLARIS_VERSION"; module=github.com/fairwindsops/polaris
           ldflags="-s -w -X main.Version=$version" ;;
  *) fail "usage: build.sh popeye|polaris" ;;
esac

CACHE="${KUBE_POSTURE_BIN_CACHE:-$HOME/.cache/kube-posture/bin}"
OUT="$CACHE/peers-$tool-$version"
if [[ -x "$OUT/$tool" ]]; then echo "$OUT/$tool"; exit 0; fi

command -v go >/dev/null 2>&1 || fail "Go is not installed"

# A module outside the checksum database: skip the lookup, but only with a pinned sum to compare.
sumvar="POLARIS_SUM_$(echo "$version" | tr '.-' '__')"
if [[ "$tool" == polaris ]]; then
  [[ -n "${!sumvar:-}" ]] || fail "no pinned checksum for polaris $version (the checksum database does not know it); add one to bench/peers/build.sh"
  export GONOSUMDB="$module"
fi

WORK="$CACHE/src/peers"
mkdir -p "$WORK"
export CGO_ENABLED=0 GOFLAGS=-mod=mod
log "fetching $module@$version"
if ! info=$(cd "$WORK" && go mod download -json "$module@$version" 2>&1); then
  fail "cannot fetch $module@$version: $(echo "$info" | grep -m1 -oE '"Error": "[^"]*"' | cut -d'"' -f4 || echo "$info" | tail -1)"
fi
if err=$(echo "$info" | grep -m1 -oE '"Error": "[^"]*"'); then
  fail "cannot fetch $module@$version: $(echo "$err" | cut -d'"' -f4)"
fi
if [[ "$tool" == polaris ]]; then
  sum=$(echo "$info" | sed -n 's/.*"Sum": "\(.*\)".*/\1/p')
  [[ "$sum" == "${!sumvar}" ]] || fail "checksum mismatch for $module@$version: got $sum, pinned ${!sumvar}"
fi

# Built inside a copy of the module itself, so its own go.mod and go.sum pick and verify the
# dependencies, as upstream builds it (`go install pkg@version` would also query the module's
# version list for deprecations, which this proxy refuses).
src="$WORK/$tool-$version"
if [[ ! -f "$src/go.mod" ]]; then
  dir=$(echo "$info" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  rm -rf "$src.tmp" && cp -r "$dir" "$src.tmp" && chmod -R u+w "$src.tmp" && mv "$src.tmp" "$src"
fi
start=$(date +%s)
log "building $tool $version (a cold build takes minutes)"
mkdir -p "$OUT.tmp"
if ! (cd "$src" && go build -p "${KUBE_POSTURE_BUILD_PARALLELISM:-2}" -trimpath -ldflags "$ldflags" -o "$OUT.tmp/$tool" . >&2); then
  rm -rf "$OUT.tmp"
  fail "building $module@$version failed (see the go output above)"
fi
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
log "$tool $version ready in $OUT ($(( $(date +%s) - start ))s)"
echo "$OUT/$tool"
