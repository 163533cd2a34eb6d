#!/usr/bin/env bash
# Start-to-ready of the image with and without its AppCDS archive, alternating, ROUNDS times each, against the
# machine's PostgreSQL with authentication switched off (nothing else differs). Run deploy/container-test.sh
# first (it builds the image and creates the database). Prints one line per start and the load average.
# Environment: IMAGE, PORT (18074), ROUNDS (3), PG_HOST/PG_PORT/PG_USER, DB (container_test).
set -euo pipefail
cd "$(dirname "$0")/.."
export CONTAINERS_CONF="$PWD/deploy/podman/containers.conf" CONTAINERS_STORAGE_CONF="$PWD/deploy/podman/storage.conf"
IMAGE="${IMAGE:-localhost/sourcing-optimizer:ci}"
PORT="${PORT:-18074}"
ROUNDS="${ROUNDS:-3}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
DB="${DB:-container_test}"
NAME="sourcing-start-$$"
trap 'podman rm --ignore -f -t 5 "$NAME" >/dev/null 2>&1 || true' EXIT

# The image's entry point, with or without -XX:SharedArchiveFile (Xshare:auto keeps the JDK's own CDS archive).
mapfile -t entrypoint < <(podman image inspect "$IMAGE" --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' | sed '/^$/d')
without=()
for arg in "${entrypoint[@]}"; do [[ "$arg" == -XX:SharedArchiveFile=* ]] || without+=("$arg"); done

start_once() {
  local label="$1"; shift
  local begin ready=""
  begin=$(date +%s.%N)
  podman run -d --name "$NAME" --network=host --read-only --tmpfs /tmp:size=16m --memory=1g \
    -e QUARKUS_HTTP_PORT="$PORT" -e SOURCING_AUTH_ENABLED=false \
    -e QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" -e QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
    --entrypoint "$1" "$IMAGE" "${@:2}" >/dev/null
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then ready=$(date +%s.%N); break; fi
    sleep 0.05
  done
  local quarkus
  quarkus=$(podman logs "$NAME" 2>&1 | grep -o 'started in [0-9.]*s' | head -1 || true)
  podman rm -f -t 10 "$NAME" >/dev/null
  [[ -n "$ready" ]] || { echo "$label: not ready" >&2; return 1; }
  printf '%-12s start to ready %6.2f s (Quarkus: %s), load %s\n' "$label" "$(echo "$ready - $begin" | bc)" "$quarkus" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}

for _ in $(seq 1 "$ROUNDS"); do
  start_once "AppCDS" "${entrypoint[@]}"
  start_once "no AppCDS" "${without[@]}"
done
