#!/usr/bin/env bash
# Installs the Debian packages geokg needs to build, test and run. Idempotent:
# packages already present are not fetched again.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config ccache
  libboost-graph-dev libsqlite3-dev rapidjson-dev libgraphviz-dev graphviz
  doctest-dev libicu-dev libgumbo-dev
  sqlite3 python3 python3-networkx libxml2-utils
  chromium fonts-dejavu-core fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all build packages present"
fi
