#!/usr/bin/env bash
# Makes a local glibc JRE 17 base image without any image registry: a Debian bookworm root file system by
# debootstrap (--variant=minbase, from the mirror apt already uses) with openjdk-17-jre-headless installed in
# a chroot, imported with `podman import`. Cached: does nothing when the image exists (FORCE=1 rebuilds it).
# Usage: deploy/base-image.sh [image-name]   (default localhost/bookworm-jre17:latest); prints the name.
set -euo pipefail
IMAGE="${1:-localhost/bookworm-jre17:latest}"

if [[ "${FORCE:-0}" != 1 ]] && podman image exists "$IMAGE"; then
  echo "$IMAGE"
  exit 0
fi

# The mirror apt uses on this machine (deb822 sources or a sources.list line).
mirror=""
if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
fi
if [[ -z "$mirror" && -f /etc/apt/sources.list ]]; then
  mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list)
fi
mirror="${mirror:-http://deb.debian.org/debian}"

root=$(mktemp -d /var/tmp/bookworm-jre17.XXXXXX)
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

echo "debootstrap bookworm from $mirror into $root" >&2
debootstrap --variant=minbase bookworm "$root" "$mirror" >&2
mount -t proc proc "$root/proc"
chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  openjdk-17-jre-headless >&2
chroot "$root" apt-get clean
umount "$root/proc"
# Nothing of apt's lists or caches in the image.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/log/*.log "$root"/tmp/*

java_home=$(dirname "$(dirname "$(chroot "$root" readlink -f /usr/bin/java)")")
tar -C "$root" -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV JAVA_HOME=$java_home" \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["/bin/bash"]' \
  - "$IMAGE" >&2
echo "$IMAGE"
