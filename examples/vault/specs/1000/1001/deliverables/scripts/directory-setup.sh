#!/bin/bash
# Generated from: specs/1000/1001/1014.spec.md
# Context: specs/1000/1001/1014.context.md
# Purpose: Create directory structure
# Created: 2025-08-27 by Claude + User
#
# Usage: sudo ./directory-setup.sh [mount point, default /mnt/nas]

set -euo pipefail

MOUNT="${1:-/mnt/nas}"
GROUP="nas-users"

if ! mountpoint -q "$MOUNT"; then
    echo "$MOUNT is not mounted; refusing to create directories on the local disk" >&2
    exit 1
fi

DIRS=(
    market-data/raw               # 3001 writes here
    market-data/normalized        # 9001 reads here
    backtests/datasets
    backtests/results
    strategy-state/snapshots      # 4005
    archive                       # end-of-day moves from /mnt/hot
    backups
)

for dir in "${DIRS[@]}"; do
    install -d -m 2775 -g "$GROUP" "$MOUNT/$dir"
    echo "ready: $MOUNT/$dir"
done
