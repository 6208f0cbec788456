#!/usr/bin/env bash
# Builds the base images of docker/Dockerfile and compose.airgap.yaml from a Debian package mirror alone, for a
# site that reaches no container registry. Run as root on a host with docker and debootstrap:
#   docker/airgap/build-bases.sh [--force]
# It makes, each in the role of the public image named after it:
#   newsmon-base/debian:SUITE   debootstrap's minimal SUITE, imported: the root of the three below
#   newsmon-base/jre:17         eclipse-temurin:17-jre          (Debian's openjdk-17-jre-headless, curl)
#   newsmon-base/maven:17       maven:3.9-eclipse-temurin-17    (Debian's openjdk-17-jdk-headless, maven)
#   newsmon-base/postgres       postgres:17 in compose.yaml     (Debian's postgresql, the same POSTGRES_* variables)
# An image that exists already is kept (--force builds all anew). DEBIAN_MIRROR names the site's mirror (default:
# debootstrap's own); the images' apt sources then point at it. DEBIAN_SUITE picks the release (bookworm).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="${DEBIAN_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-}"
prefix=newsmon-base
force=false
[ "${1:-}" = --force ] && force=true

have() { [ "$force" = false ] && docker image inspect "$1" >/dev/null 2>&1; }

root_image="$prefix/debian:$suite"
if ! have "$root_image"; then
  if ! command -v debootstrap >/dev/null; then
    echo "build-bases: debootstrap is missing (apt-get install debootstrap)" >&2
    exit 1
  fi
  rootfs="$(mktemp -d /tmp/newsmon-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' EXIT
  echo "build-bases: debootstrap $suite into $rootfs" >&2
  # shellcheck disable=SC2086 # an empty mirror is no argument: debootstrap then takes its default
  debootstrap --variant=minbase --include=ca-certificates "$suite" "$rootfs" $mirror >&2
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
  # docker provides these at run time; the host's copies do not belong in an image.
  rm -f "$rootfs"/etc/resolv.conf "$rootfs"/etc/hostname
  tar -C "$rootfs" --numeric-owner -c . \
    | docker import --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' - "$root_image" >&2
  rm -rf "$rootfs"
  trap - EXIT
fi

for target in jre maven postgres; do
  case "$target" in
    postgres) tag="$prefix/postgres" ;;
    *) tag="$prefix/$target:17" ;;
  esac
  if ! have "$tag"; then
    echo "build-bases: $tag" >&2
    docker build -q --build-arg "DEBIAN_BASE=$root_image" --target "$target" -t "$tag" "$here" >&2
  fi
done
echo "build-bases: ready: $root_image $prefix/jre:17 $prefix/maven:17 $prefix/postgres" >&2
