#!/bin/sh
# PID 1 of the User-Mode-Linux guest that runs the SocketCAN tests (see harness.ts).
# The guest's root is the host's / (hostfs), so the host's node, python3, can-utils and the
# repository are all here. The kernel hands the OCTO_* parameters of its command line to
# this script as environment variables.
#   OCTO_DIR      scratch directory (results, logs); shared with the host
#   OCTO_NODE     the host's node binary
#   OCTO_REPO     repository root
#   OCTO_PROGRAM  the test program, bundled to one .mjs by the harness (run as: program dir repo)
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root
export TMPDIR="$OCTO_DIR/tmp"
mkdir -p "$TMPDIR"
LOG="$OCTO_DIR/init.log"

step() { echo "$(cut -d' ' -f1 /proc/uptime) $*" >> "$LOG"; }
finish() {
  echo "$1" > "$OCTO_DIR/exit-code"
  step "power off (exit $1)"
  sync
  echo o > /proc/sysrq-trigger
  sleep 30
}

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
# Node's child_process needs /dev/null; devtmpfs may not provide it on every kernel config.
[ -e /dev/null ] || mknod -m 666 /dev/null c 1 3
mount -t tmpfs tmp /run 2>/dev/null
step "mounted"

M=/usr/lib/uml/modules/$(uname -r)/kernel
for mod in net/can/can.ko net/can/can-raw.ko drivers/net/can/dev/can-dev.ko drivers/net/can/vcan.ko; do
  insmod "$M/$mod" >> "$LOG" 2>&1 || { step "insmod $mod failed"; finish 90; }
done
ip link set lo up
ip link add dev vcan0 type vcan >> "$LOG" 2>&1 && ip link set vcan0 up >> "$LOG" 2>&1 || { step "vcan0 failed"; finish 91; }
step "vcan0 up"

cd "$OCTO_REPO" || finish 92
"$OCTO_NODE" "$OCTO_PROGRAM" "$OCTO_DIR" "$OCTO_REPO" > "$OCTO_DIR/program.out" 2> "$OCTO_DIR/program.err"
rc=$?
step "program exited $rc"
finish "$rc"
