#!/bin/bash
# Generated from: specs/1000/1001/1014.spec.md
# Context: specs/1000/1001/1014.context.md
# Purpose: Monitor NAS connectivity and performance
# Created: 2025-08-26 by Claude + User
#
# Exit codes (for callers such as the market data collector):
#   0  healthy: safe to write
#   1  degraded: reachable and writable, but slow or nearly full
#   2  critical: unreachable, not mounted, or read-only
#
# Usage: nas-health-check.sh [--quiet] [--json]
# Environment: NAS_HOST, NAS_MOUNT, NAS_MIN_FREE_GB, NAS_MIN_WRITE_MBS

set -uo pipefail

NAS_HOST="${NAS_HOST:-192.168.1.101}"
NAS_PORT=2049
MOUNT="${NAS_MOUNT:-/mnt/nas}"
MIN_FREE_GB="${NAS_MIN_FREE_GB:-500}"
# Half the benchmarked 1.0 GB/s: below this something is wrong with the link or the NAS.
MIN_WRITE_MBS="${NAS_MIN_WRITE_MBS:-500}"
PROBE_MB=64
TIMEOUT=3

QUIET=0
JSON=0
for arg in "$@"; do
    case "$arg" in
        --quiet) QUIET=1 ;;
        --json)  JSON=1 ;;
        *) echo "Usage: $0 [--quiet] [--json]" >&2; exit 64 ;;
    esac
done

STATUS=0
MESSAGES=()

report() {
    local level="$1"; shift
    MESSAGES+=("$level: $*")
    case "$level" in
        WARN) (( STATUS < 1 )) && STATUS=1 ;;
        CRIT) STATUS=2 ;;
    esac
    (( QUIET )) || printf '%-4s %s\n' "$level" "$*"
}

finish() {
    if (( JSON )); then
        local joined
        joined="$(printf '"%s",' "${MESSAGES[@]}")"
        printf '{"host":"%s","mount":"%s","status":%d,"messages":[%s]}\n' \
            "$NAS_HOST" "$MOUNT" "$STATUS" "${joined%,}"
    fi
    exit "$STATUS"
}

# 1. Network: is the NFS port answering?
if nc -z -w "$TIMEOUT" "$NAS_HOST" "$NAS_PORT" 2>/dev/null; then
    report OK "NFS port $NAS_PORT on $NAS_HOST reachable"
else
    report CRIT "NFS port $NAS_PORT on $NAS_HOST not reachable within ${TIMEOUT}s"
    finish
fi

# 2. Mount: present and really NFS (not the empty directory underneath).
if [[ -d "$MOUNT" ]] && timeout "$TIMEOUT" mountpoint -q "$MOUNT"; then
    # With x-systemd.automount an autofs entry sits under the NFS one: take the top.
    fstype="$(findmnt -n -o FSTYPE --target "$MOUNT" | tail -n 1)"
    if [[ "$fstype" == nfs* ]]; then
        report OK "$MOUNT mounted ($fstype)"
    else
        report CRIT "$MOUNT is $fstype, expected nfs"
        finish
    fi
else
    report CRIT "$MOUNT not mounted"
    finish
fi

# 3. Free space.
free_gb="$(timeout "$TIMEOUT" df -BG --output=avail "$MOUNT" | tail -n 1 | tr -dc '0-9')"
if [[ -z "$free_gb" ]]; then
    report CRIT "df on $MOUNT timed out"
    finish
elif (( free_gb < MIN_FREE_GB )); then
    report WARN "only ${free_gb} GB free on $MOUNT (minimum ${MIN_FREE_GB} GB)"
else
    report OK "${free_gb} GB free"
fi

# 4. Write probe: a small direct-I/O write, timed, then removed.
probe="$MOUNT/.health/probe.$$"
mkdir -p "$MOUNT/.health" 2>/dev/null
start_ns="$(date +%s%N)"
if timeout "$TIMEOUT" dd if=/dev/zero of="$probe" bs=1M count="$PROBE_MB" \
        oflag=direct conv=fsync status=none 2>/dev/null; then
    end_ns="$(date +%s%N)"
    elapsed_ms=$(( (end_ns - start_ns) / 1000000 ))
    (( elapsed_ms > 0 )) || elapsed_ms=1
    write_mbs=$(( PROBE_MB * 1000 / elapsed_ms ))
    if (( write_mbs < MIN_WRITE_MBS )); then
        report WARN "write probe ${write_mbs} MB/s (minimum ${MIN_WRITE_MBS} MB/s)"
    else
        report OK "write probe ${write_mbs} MB/s"
    fi
else
    report CRIT "cannot write to $MOUNT (read-only, full, or timed out)"
fi
rm -f "$probe"

finish
