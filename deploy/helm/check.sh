#!/usr/bin/env bash
# Lints and renders the kube-posture Helm chart with a Helm built from its Go module (Helm is not
# packaged in Debian). The binary is cached like the test cluster's, outside the repository:
#   ${KUBE_POSTURE_BIN_CACHE:-~/.cache/kube-posture/bin}/helm-<version>/helm
#
#   deploy/helm/check.sh             helm lint + helm template for the default and other value sets
#   deploy/helm/check.sh --helm      only build (if needed) and print the helm binary's path
#   HELM=/usr/local/bin/helm deploy/helm/check.sh     use a Helm you already have
set -euo pipefail

HELM_VERSION="${HELM_VERSION:-v3.22.0}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHART="$HERE/kube-posture"
log() { echo "[helm check] $*" >&2; }

helm_bin() {
  if [[ -n "${HELM:-}" ]]; then echo "$HELM"; return; fi
  local cache="${KUBE_POSTURE_BIN_CACHE:-$HOME/.cache/kube-posture/bin}/helm-${HELM_VERSION}"
  if [[ ! -x "$cache/helm" ]]; then
    command -v go >/dev/null 2>&1 || { log "Go is needed to build Helm ${HELM_VERSION} (or set HELM=/path/to/helm)"; exit 1; }
    log "building helm ${HELM_VERSION} from its Go module into $cache (a few minutes the first time)"
    mkdir -p "$cache"
    # helm.sh/helm/v3 has no replace directives, so `go install module@version` works as is.
    (cd "$cache" && CGO_ENABLED=0 GOFLAGS=-mod=mod GOBIN="$cache" go install -trimpath -ldflags "-s -w" "helm.sh/helm/v3/cmd/helm@${HELM_VERSION}") >&2
  fi
  echo "$cache/helm"
}

HELM_BIN="$(helm_bin)"
# A Helm built with `go install` assumes Kubernetes v1.20 when there is no cluster to ask.
KUBE_VERSION="${KUBE_VERSION:-v1.37.2}"
if [[ "${1:-}" == "--helm" ]]; then echo "$HELM_BIN"; exit 0; fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

log "helm lint (default values)"
"$HELM_BIN" lint --strict "$CHART" --namespace kube-posture --kube-version "$KUBE_VERSION" >&2

render() { # name, then extra helm args
  local name="$1"; shift
  "$HELM_BIN" template kube-posture "$CHART" --namespace kube-posture --kube-version "$KUBE_VERSION" "$@" > "$out/$name.yaml"
  log "rendered $name: $(grep -c '^kind:' "$out/$name.yaml") objects"
}
render default
render proxy --set auth.method=proxy --set 'auth.proxy.trustedProxies={10.0.0.0/8}' --set auth.proxy.userPrefix=oidc: --set auth.proxy.groupPrefix=oidc:
render wall-screen --set auth.method=service-account
render ha --set replicaCount=3 --set database.existingSecret=kube-posture-db --set image.digest=sha256:0000000000000000000000000000000000000000000000000000000000000000
"$HELM_BIN" lint --strict "$CHART" --namespace kube-posture --kube-version "$KUBE_VERSION" --set replicaCount=2 --set database.existingSecret=kube-posture-db >&2

# Configurations that must be refused, not rendered weaker.
refuse() { # reason, then helm args
  local reason="$1"; shift
  if "$HELM_BIN" template kube-posture "$CHART" --namespace kube-posture --kube-version "$KUBE_VERSION" "$@" >/dev/null 2>"$out/err"; then
    log "FAIL: rendered although $reason"; exit 1
  fi
  log "refused as expected: $reason ($(grep -o 'execution error.*' "$out/err" | sed 's/.*: //' | head -c 120))"
}
refuse "two replicas without PostgreSQL" --set replicaCount=2
refuse "proxy auth that trusts nobody" --set auth.method=proxy
refuse "an unknown auth method" --set auth.method=none

log "ok"
