#!/usr/bin/env bash
# Installs what the CAN tests (test/bus) need on a fresh Debian 12 machine, as root.
# Called by .ci/install.sh before `npm ci`. Idempotent: a second run only checks.
#
#   user-mode-linux   a Linux kernel with CAN, CAN_RAW and vcan modules that runs as a process
#                     (this machine's own kernel has no CAN): test/bus/vcan-uml.test.ts
#   kmod, iproute2    insmod and ip inside that guest (vcan0 up, deleted, re-created)
#   can-utils         cansend/candump: independent peer and bus log inside the guest
#   python3-can       python-can: the independent peer (test/bus/uml/peer.py)
#   python3-canmatrix reference DBC encoder/decoder, the oracle of test/bus/dbc-oracle.test.ts
#   python3-lxml      canmatrix needs it
#   build-essential, python3   node-gyp builds the socketcan addon during `npm ci`
#                     (package.json allowScripts lets socketcan's install script run)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

packages=(user-mode-linux kmod iproute2 can-utils python3 python3-can python3-canmatrix python3-lxml build-essential)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-can: installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The guest needs these kernel modules of the UML kernel (paths as Debian ships them).
uml_modules="/usr/lib/uml/modules/$(linux.uml --version 2>/dev/null | awk '{print $NF}' || true)"
if ! ls /usr/lib/uml/modules/*/kernel/drivers/net/can/vcan.ko >/dev/null 2>&1; then
  echo "install-can: user-mode-linux has no vcan module under /usr/lib/uml/modules (looked for ${uml_modules})" >&2
  exit 1
fi

# The canmatrix oracle must run with Debian's python, whatever python3 comes first on PATH.
/usr/bin/python3 -c "import can, canmatrix.formats" 2>/dev/null || {
  echo "install-can: /usr/bin/python3 cannot import can and canmatrix" >&2
  exit 1
}

# node-gyp needs the headers of the running node. The network here reaches only npm and
# Debian, so node-gyp must not try to download them from nodejs.org: when no `nodedir` is
# configured, give node-gyp its header cache from the headers the node package installed.
node_version="$(node -p process.version | sed 's/^v//')"
if [ -f /usr/include/node/node_api.h ] && ! grep -qs '^nodedir' "$HOME/.npmrc" /usr/etc/npmrc /etc/npmrc; then
  cache="${npm_config_devdir:-$HOME/.cache/node-gyp}/$node_version"
  if [ ! -f "$cache/installVersion" ]; then
    echo "install-can: node-gyp headers for node $node_version from /usr/include/node -> $cache"
    mkdir -p "$cache/include"
    cp -r /usr/include/node "$cache/include/node"
    echo 11 > "$cache/installVersion" # node-gyp 9..12's header layout version
  fi
fi
