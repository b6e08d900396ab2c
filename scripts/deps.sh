#!/usr/bin/env bash
# Installs the Debian packages Coder needs for a purpose (build, test, bench),
# when they are missing. As root it runs apt-get; otherwise it prints the
# exact command to run and fails, so nothing half-works silently.
set -euo pipefail
purpose=${1:-build}
pkgs=(gcc libgl1-mesa-dev xorg-dev)
case "$purpose" in
  build) ;;
  test) pkgs+=(xvfb fonts-noto-cjk libxml2-utils imagemagick x11-utils) ;;
  bench) pkgs+=(sqlite3 ripgrep) ;;
  *) echo "deps.sh: unknown purpose $purpose (build, test or bench)" >&2; exit 2 ;;
esac
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "coder: missing packages: ${missing[*]} (install them with your system's package manager)" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "coder: missing packages: ${missing[*]}" >&2
  echo "run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
