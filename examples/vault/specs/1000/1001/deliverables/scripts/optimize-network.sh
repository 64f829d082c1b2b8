#!/bin/bash
# Generated from: specs/1000/1001/1014.spec.md
# Context: specs/1000/1001/1014.context.md
# Purpose: Network buffer optimization
# Created: 2025-08-26 by Claude + User
#
# Installs deliverables/config/sysctl.nas.conf as /etc/sysctl.d/90-nas.conf and
# applies it. Safe to run again: it only rewrites the file when it has changed.
#
# Usage: sudo ./optimize-network.sh [--dry-run | --check]

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE_CONF="${SCRIPT_DIR}/../config/sysctl.nas.conf"
TARGET_CONF="/etc/sysctl.d/90-nas.conf"
MODE="apply"

case "${1:-}" in
    --dry-run) MODE="dry-run" ;;
    --check)   MODE="check" ;;
    "")        ;;
    *) echo "Usage: $0 [--dry-run | --check]" >&2; exit 64 ;;
esac

log() { printf '[optimize-network] %s\n' "$*"; }

# The keys we manage, read from the config file so the two never disagree.
settings() {
    grep -E '^[[:space:]]*[a-z0-9_.]+[[:space:]]*=' "$SOURCE_CONF" |
        sed -E 's/[[:space:]]*=[[:space:]]*/=/; s/^[[:space:]]+//; s/[[:space:]]+$//'
}

show_current() {
    local key wanted current status=0
    local -a parts
    while IFS='=' read -r key wanted; do
        # sysctl separates multi-value settings with tabs; compare them space-separated.
        read -r -a parts <<< "$(sysctl -n "$key" 2>/dev/null || true)"
        current="${parts[*]}"
        if [[ "$current" == "$wanted" ]]; then
            log "ok       $key = $current"
        else
            log "differs  $key = ${current:-<unset>} (want $wanted)"
            status=1
        fi
    done < <(settings)
    return "$status"
}

if [[ ! -r "$SOURCE_CONF" ]]; then
    log "missing $SOURCE_CONF"
    exit 1
fi

if [[ "$MODE" == "check" ]]; then
    show_current && log "all settings applied" || { log "run without --check to apply"; exit 1; }
    exit 0
fi

if [[ "$MODE" == "dry-run" ]]; then
    log "would install $SOURCE_CONF as $TARGET_CONF"
    show_current || true
    exit 0
fi

if [[ $EUID -ne 0 ]]; then
    log "must run as root (sysctl writes to /proc/sys)"
    exit 1
fi

if [[ -f "$TARGET_CONF" ]] && cmp -s "$SOURCE_CONF" "$TARGET_CONF"; then
    log "$TARGET_CONF already up to date"
else
    install -m 0644 "$SOURCE_CONF" "$TARGET_CONF"
    log "installed $TARGET_CONF"
fi

sysctl -p "$TARGET_CONF" >/dev/null
log "applied; current values:"
show_current
