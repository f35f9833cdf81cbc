#!/usr/bin/env bash
# Builds the local control plane's binaries from Go modules (through the module proxy) and caches
# them outside the repository, keyed by version, so a warm start never rebuilds.
#
#   KUBE_POSTURE_BIN_CACHE  cache root (default ~/.cache/kube-posture/bin)
#   KUBE_POSTURE_CLUSTER_BIN  a directory with prebuilt binaries: skips building entirely
#
# Prints the directory holding kube-apiserver, kube-controller-manager, kube-scheduler, kubectl,
# etcd, etcdctl and kwok on its last line of stdout.
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.37.2}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.16}"
KWOK_VERSION="${KWOK_VERSION:-v0.8.0}"
BINARIES=(kube-apiserver kube-controller-manager kube-scheduler kubectl etcd etcdctl kwok)

log() { echo "[cluster build] $*" >&2; }

if [[ -n "${KUBE_POSTURE_CLUSTER_BIN:-}" ]]; then
  for b in "${BINARIES[@]}"; do
    [[ -x "$KUBE_POSTURE_CLUSTER_BIN/$b" ]] || { log "KUBE_POSTURE_CLUSTER_BIN=$KUBE_POSTURE_CLUSTER_BIN has no executable '$b'"; exit 1; }
  done
  echo "$KUBE_POSTURE_CLUSTER_BIN"; exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  log "Go is not installed. Install Go 1.24 or newer (https://go.dev/doc/install) or set KUBE_POSTURE_CLUSTER_BIN to a directory of prebuilt binaries."
  exit 1
fi
go_minor=$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')
if [[ "$go_minor" -lt 24 ]]; then
  log "Go $(go env GOVERSION) is too old: Kubernetes ${K8S_VERSION} needs Go 1.24 or newer. Upgrade Go or set KUBE_POSTURE_CLUSTER_BIN."
  exit 1
fi

CACHE="${KUBE_POSTURE_BIN_CACHE:-$HOME/.cache/kube-posture/bin}"
OUT="$CACHE/k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}"
mkdir -p "$OUT"
missing=()
for b in "${BINARIES[@]}"; do [[ -x "$OUT/$b" ]] || missing+=("$b"); done
if [[ ${#missing[@]} -eq 0 ]]; then echo "$OUT"; exit 0; fi

WORK="$CACHE/src"
mkdir -p "$WORK"
export CGO_ENABLED=0 GOFLAGS=-mod=mod
start=$(date +%s)
# Builds share 2 cores with everything else: one package at a time keeps peak memory sane.
PAR="${KUBE_POSTURE_BUILD_PARALLELISM:-2}"

build_kubernetes() {
  local dir="$WORK/kubernetes-${K8S_VERSION}"
  mkdir -p "$dir" && cd "$dir"
  if [[ ! -f go.mod ]]; then
    log "preparing wrapper module for k8s.io/kubernetes ${K8S_VERSION}"
    go mod init kube-posture.local/k8s-build >/dev/null 2>&1
    go mod edit -go=1.24
    local gomod staging_version="v0${K8S_VERSION#v1}"
    gomod=$(go mod download -json "k8s.io/kubernetes@${K8S_VERSION}" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
    # Every staging module k8s.io/X => ./staging/... is replaced by its published tag.
    for m in $(grep -oE '^\s*k8s\.io/[a-z0-9-]+ => \./staging' "$gomod" | awk '{print $1}'); do
      go mod edit -replace="$m=$m@$staging_version"
    done
    go mod edit -require="k8s.io/kubernetes@${K8S_VERSION}"
    for c in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
      go mod edit -tool="k8s.io/kubernetes/cmd/$c"
    done
    go mod tidy >&2
  fi
  local minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
  local date; date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  local ld="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $p.gitVersion=${K8S_VERSION} -X $p.gitMajor=1 -X $p.gitMinor=${minor} -X $p.gitTreeState=clean -X $p.buildDate=${date}"
  done
  for c in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    [[ -x "$OUT/$c" ]] && continue
    log "building $c ${K8S_VERSION} (cold builds take many minutes)"
    go build -p "$PAR" -trimpath -tags=selinux,notest,grpcnotrace -ldflags "$ld" -o "$OUT/$c.tmp" "k8s.io/kubernetes/cmd/$c" >&2
    mv "$OUT/$c.tmp" "$OUT/$c"
  done
}

build_etcd() {
  local dir="$WORK/etcd-${ETCD_VERSION}"
  mkdir -p "$dir" && cd "$dir"
  if [[ ! -f go.mod ]]; then
    log "preparing wrapper module for etcd ${ETCD_VERSION}"
    go mod init kube-posture.local/etcd-build >/dev/null 2>&1
    go mod edit -require="go.etcd.io/etcd/server/v3@${ETCD_VERSION}" -require="go.etcd.io/etcd/etcdctl/v3@${ETCD_VERSION}"
    go mod edit -tool=go.etcd.io/etcd/server/v3 -tool=go.etcd.io/etcd/etcdctl/v3
    go mod tidy >&2
  fi
  [[ -x "$OUT/etcd" ]] || { log "building etcd ${ETCD_VERSION}"; go build -p "$PAR" -trimpath -ldflags "-s -w" -o "$OUT/etcd.tmp" go.etcd.io/etcd/server/v3 >&2 && mv "$OUT/etcd.tmp" "$OUT/etcd"; }
  [[ -x "$OUT/etcdctl" ]] || { log "building etcdctl ${ETCD_VERSION}"; go build -p "$PAR" -trimpath -ldflags "-s -w" -o "$OUT/etcdctl.tmp" go.etcd.io/etcd/etcdctl/v3 >&2 && mv "$OUT/etcdctl.tmp" "$OUT/etcdctl"; }
}

build_kwok() {
  [[ -x "$OUT/kwok" ]] && return
  log "building kwok ${KWOK_VERSION}"
  GOBIN="$OUT" go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@${KWOK_VERSION}" >&2
}

build_etcd
build_kwok
build_kubernetes
# kwok's stage definitions ship in its module; keep a copy next to the binaries.
if [[ ! -d "$OUT/kwok-stages" ]]; then
  kdir=$(cd "$WORK" && go mod download -json "sigs.k8s.io/kwok@${KWOK_VERSION}" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  mkdir -p "$OUT/kwok-stages.tmp"
  cp "$kdir"/kustomize/stage/node/fast/node-initialize.yaml \
     "$kdir"/kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
     "$kdir"/kustomize/stage/pod/fast/pod-ready.yaml \
     "$kdir"/kustomize/stage/pod/fast/pod-complete.yaml \
     "$kdir"/kustomize/stage/pod/fast/pod-delete.yaml "$OUT/kwok-stages.tmp/"
  mv "$OUT/kwok-stages.tmp" "$OUT/kwok-stages"
fi
log "binaries ready in $OUT ($(( $(date +%s) - start ))s)"
echo "$OUT"
