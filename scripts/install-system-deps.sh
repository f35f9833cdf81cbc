#!/usr/bin/env bash
# System packages the test suite needs: Debian's Chromium (browser tests), openssl (cluster PKI),
# PostgreSQL (storage tests) and Go (the local control plane is built from Go modules).
# Idempotent: installs only what is missing, and only when it can (root + apt-get).
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[[ -x /usr/lib/postgresql/15/bin/postgres ]] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v ss >/dev/null 2>&1 || need+=(iproute2)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)

if [[ ${#need[@]} -gt 0 ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "[deps] installing: ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
  else
    echo "[deps] missing system packages: ${need[*]}" >&2
    echo "[deps] install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

if ! command -v go >/dev/null 2>&1 && [[ -z "${KUBE_POSTURE_CLUSTER_BIN:-}" ]]; then
  echo "[deps] Go is not installed: the local control plane is built from Go modules." >&2
  echo "[deps] Install Go 1.24+ (https://go.dev/doc/install), or set KUBE_POSTURE_CLUSTER_BIN to prebuilt binaries." >&2
  exit 1
fi
