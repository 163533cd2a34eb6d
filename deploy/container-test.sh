#!/usr/bin/env bash
# Builds the container image and runs it for real, offline: read-only root file system, a 16 MiB /tmp, 1 GiB of
# memory, against the machine's PostgreSQL, with authentication on and a key pair made for the run. Checks that
# it gets ready, answers 401 without a token, solves a plan (201, OPTIMAL) with a minted planner token, runs as
# non-root and writes nothing outside /tmp; prints image size, start-to-ready time, RSS and /tmp usage.
# Needs root (podman, debootstrap).
# Environment: PORT (18071), PG_HOST/PG_PORT/PG_USER (127.0.0.1/5432/postgres), DB (container_test),
#   BASE_IMAGE/BUILD_IMAGE (default: the Debian base made by deploy/base-image.sh), IMAGE (sourcing-optimizer:ci),
#   LOAD_SECONDS (0: no load test; >0: that many seconds of CONNECTIONS parallel small stateless plans),
#   PACKAGE (1: run `./mvnw package -Ppostgresql` first; 0: target/quarkus-app is a PostgreSQL build already).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18071}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
DB="${DB:-container_test}"
IMAGE="${IMAGE:-localhost/sourcing-optimizer:ci}"
LOAD_SECONDS="${LOAD_SECONDS:-0}"
CONNECTIONS="${CONNECTIONS:-8}"
NAME="sourcing-ct-$$"
ISSUER="https://issuer.ci.example"

# ---- Tools and podman configuration ---------------------------------------------------------------------
missing=()
for tool in podman buildah runc debootstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  echo "== Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman buildah runc debootstrap
fi
# Our own settings files, so that the host's podman configuration stays as it is.
CONTAINERS_CONF="$PWD/deploy/podman/containers.conf"
CONTAINERS_STORAGE_CONF="$PWD/deploy/podman/storage.conf"
export CONTAINERS_CONF CONTAINERS_STORAGE_CONF

# The database kind is fixed at build time and target/ does not say which one it holds: package unless told
# (PACKAGE=0) that target/quarkus-app is a PostgreSQL build, as after .ci/run's `verify -Ppostgresql`.
if [[ "${PACKAGE:-1}" != 0 || ! -f target/quarkus-app/quarkus-run.jar ]]; then
  echo "== Packaging the PostgreSQL build"
  ./mvnw -B -ntp -q package -Ppostgresql -DskipTests
fi

# ---- Image ------------------------------------------------------------------------------------------------
echo "== Base image"
base="${BASE_IMAGE:-$(deploy/base-image.sh)}"
build="${BUILD_IMAGE:-$base}"
echo "== Building $IMAGE on $base"
build_start=$(date +%s.%N)
podman build --pull=never --build-arg BASE_IMAGE="$base" --build-arg BUILD_IMAGE="$build" -t "$IMAGE" . >/dev/null
build_end=$(date +%s.%N)
image_bytes=$(podman image inspect "$IMAGE" --format '{{.Size}}')
base_bytes=$(podman image inspect "$base" --format '{{.Size}}')

# ---- Database, keys -----------------------------------------------------------------------------------------
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "CREATE DATABASE $DB"
work=$(mktemp -d)
cleanup() {
  podman rm --ignore -f -t 5 "$NAME" >/dev/null 2>&1 || true
  podman rm --ignore -f "$NAME-baseline" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
chmod 644 "$work/public.pem"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "FAIL: port $PORT is taken already (set PORT)" >&2
  exit 1
fi

# ---- Run ------------------------------------------------------------------------------------------------------
echo "== Starting $IMAGE on port $PORT (read-only, /tmp 16m, 1g)"
start=$(date +%s.%N)
# The same for the baseline container below.
run_options=(--network=host --read-only --tmpfs /tmp:size=16m --memory=1g
  -v "$work/public.pem:/etc/sourcing/jwt/public.pem:ro")
podman run -d --name "$NAME" "${run_options[@]}" \
  -e QUARKUS_HTTP_PORT="$PORT" \
  -e QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
  -e QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
  -e QUARKUS_DATASOURCE_PASSWORD=unused \
  -e MP_JWT_VERIFY_PUBLICKEY_LOCATION=/etc/sourcing/jwt/public.pem \
  -e MP_JWT_VERIFY_ISSUER="$ISSUER" \
  "$IMAGE" >/dev/null
base_url="http://127.0.0.1:$PORT"
ready=""
for _ in $(seq 1 1200); do
  if curl -fs -o /dev/null "$base_url/q/health/ready"; then ready=$(date +%s.%N); break; fi
  if [[ "$(podman inspect -f '{{.State.Running}}' "$NAME")" != true ]]; then break; fi
  sleep 0.05
done
if [[ -z "$ready" ]]; then
  echo "FAIL: the container did not get ready" >&2
  podman logs "$NAME" | tail -50 >&2
  exit 1
fi
ready_seconds=$(echo "$ready - $start" | bc)
# Quarkus' own figure (JVM start to ready to serve), from its JSON log line "started in N.NNNs".
quarkus_started=$(podman logs "$NAME" 2>&1 | grep -o 'started in [0-9.]*s' | head -1 || true)

fail() {
  echo "FAIL: $*" >&2
  podman logs "$NAME" 2>&1 | tail -30 >&2
  exit 1
}

# ---- Checks ---------------------------------------------------------------------------------------------------
plan='{"demand": [{"material": "NDPR_OXIDE", "quantity": 1000}], "policy": {"maxCountryShare": 0.65},
  "offers": [
    {"id": "cn-1", "material": "NDPR_OXIDE", "supplier": {"id": "cnre", "country": "CN"}, "capacity": 900, "unitPrice": 69,
     "origins": {"MINING": "CN", "SEPARATION": "CN"}},
    {"id": "lynas-ndpr", "material": "NDPR_OXIDE", "supplier": {"id": "lynas", "country": "AU"}, "country": "MY",
     "capacity": 500, "unitPrice": 82.5, "origins": {"MINING": "AU", "SEPARATION": "MY"}}]}'

code=$(curl -s -o "$work/anon.json" -w '%{http_code}' -X POST "$base_url/v1/allocation-plans" \
  -H 'Content-Type: application/json' -d "$plan")
[[ "$code" == 401 ]] || fail "a plan without a token got $code, not 401"

token=$(deploy/mint-token.sh "$work/private.pem" sourcing-planner "$ISSUER")
code=$(curl -s -o "$work/plan.json" -w '%{http_code}' -X POST "$base_url/v1/allocation-plans" \
  -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$plan")
[[ "$code" == 201 ]] || fail "a plan with a planner token got $code: $(cat "$work/plan.json")"
grep -q '"status" *: *"OPTIMAL"' "$work/plan.json" || fail "the plan is not OPTIMAL: $(cat "$work/plan.json")"

uid=$(podman exec "$NAME" id -u)
[[ "$uid" != 0 ]] || fail "the service runs as root"
pid1_uid=$(podman exec "$NAME" awk '/^Uid:/ {print $2}' /proc/1/status)
[[ "$pid1_uid" != 0 ]] || fail "the JVM (pid 1) runs as root"

# podman itself marks /etc changed (it bind-mounts hosts, hostname, resolv.conf and our key there): what a container
# that runs nothing shows is the baseline; the service may add nothing to it outside /tmp.
podman run --name "$NAME-baseline" "${run_options[@]}" --entrypoint /bin/true \
  "$IMAGE" >/dev/null
podman diff "$NAME-baseline" | sort >"$work/diff-baseline.txt"
podman rm "$NAME-baseline" >/dev/null
podman diff "$NAME" | grep -v -E '^[ACD] /tmp(/|$)' | sort >"$work/diff.txt" || true
written=$(comm -23 "$work/diff.txt" "$work/diff-baseline.txt")
[[ -z "$written" ]] || fail "the container wrote outside /tmp: $written"

rss_kib() { podman exec "$NAME" awk '/^VmRSS:/ {print $2}' /proc/1/status; }
rss_idle=$(rss_kib)
tmp_used=$(podman exec "$NAME" du -sk /tmp | cut -f1)

# ---- Optional load: CONNECTIONS clients posting small stateless plans for LOAD_SECONDS --------------------------
load_line=""
if ((LOAD_SECONDS > 0)); then
  echo "== Load: $CONNECTIONS connections of small stateless plans for ${LOAD_SECONDS}s"
  printf '%s' "$plan" >"$work/plan-body.json"
  end=$(($(date +%s) + LOAD_SECONDS))
  peak=0
  for c in $(seq 1 "$CONNECTIONS"); do
    (n=0; while (($(date +%s) < end)); do
       curl -s -o /dev/null -w '%{http_code}\n' -X POST "$base_url/v1/allocation-plans" -H 'Content-Type: application/json' \
         -H "Authorization: Bearer $token" --data-binary "@$work/plan-body.json"
       n=$((n + 1))
     done) >"$work/load-$c.txt" &
  done
  while (($(date +%s) < end)); do
    r=$(rss_kib); ((r > peak)) && peak=$r
    sleep 1
  done
  wait
  total=$(cat "$work"/load-*.txt | wc -l)
  ok=$(grep -c '^201$' "$work"/load-*.txt | awk -F: '{s += $2} END {print s}')
  r=$(rss_kib); ((r > peak)) && peak=$r
  load_line=$(printf 'load: %d plans in %ds (%d x 201, %.1f/s), peak RSS %d MiB, RSS after %d MiB' \
    "$total" "$LOAD_SECONDS" "$ok" "$(echo "$total / $LOAD_SECONDS" | bc -l)" $((peak / 1024)) $((r / 1024)))
  [[ "$ok" == "$total" ]] || fail "$((total - ok)) of $total plans under load were not 201"
fi

podman stop -t 30 "$NAME" >/dev/null
podman rm "$NAME" >/dev/null

echo "== Container test passed"
printf 'image %s: %d MB (base %d MB, build %.0f s)\n' "$IMAGE" $((image_bytes / 1000000)) $((base_bytes / 1000000)) \
  "$(echo "$build_end - $build_start" | bc)"
printf 'start to ready: %.2f s (podman run to first ready 200; Quarkus says: %s)\n' "$ready_seconds" "${quarkus_started:-?}"
printf 'RSS idle after one plan: %d MiB; /tmp used: %d KiB; uid %s\n' $((rss_idle / 1024)) "$tmp_used" "$uid"
[[ -z "$load_line" ]] || echo "$load_line"
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
