#!/bin/bash
# Generated from: specs/1000/1001/1014.spec.md
# Context: specs/1000/1001/1014.context.md
# Purpose: Performance testing
# Created: 2025-08-27 by Claude + User
#
# Sequential write and read throughput of the NAS mount with dd, timed with the
# bash `time` keyword. Reads use iflag=direct and the page cache is dropped
# first, otherwise the second read reports RAM speed.
#
# Usage: sudo ./benchmark.sh [--size-gb N] [--runs N] [--output FILE]

set -euo pipefail

MOUNT="${NAS_MOUNT:-/mnt/nas}"
SIZE_GB=8
RUNS=3
OUTPUT=""

while (( $# )); do
    case "$1" in
        --size-gb) SIZE_GB="$2"; shift 2 ;;
        --runs)    RUNS="$2"; shift 2 ;;
        --output)  OUTPUT="$2"; shift 2 ;;
        *) echo "Usage: $0 [--size-gb N] [--runs N] [--output FILE]" >&2; exit 64 ;;
    esac
done

if ! mountpoint -q "$MOUNT"; then
    echo "$MOUNT is not mounted" >&2
    exit 1
fi

WORK_DIR="$MOUNT/.benchmark"
TEST_FILE="$WORK_DIR/dd-test.$$"
COUNT=$(( SIZE_GB * 1024 ))
TIMEFORMAT='%R'

mkdir -p "$WORK_DIR"
trap 'rm -f "$TEST_FILE"' EXIT

drop_caches() {
    sync
    if [[ -w /proc/sys/vm/drop_caches ]]; then
        echo 3 > /proc/sys/vm/drop_caches
    else
        echo "warning: not root, page cache not dropped; read results may be inflated" >&2
    fi
}

# Prints the elapsed seconds of one dd run.
timed_dd() {
    { time dd "$@" bs=1M status=none 2>/dev/null ; } 2>&1
}

# MB/s from megabytes and seconds (awk: bash has no floating point).
rate() {
    awk -v mb="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? mb / s : 0) }'
}

mean() {
    awk '{ sum += $1; n++ } END { printf "%.0f", (n ? sum / n : 0) }'
}

echo "NAS benchmark: $MOUNT, ${SIZE_GB} GB file, ${RUNS} runs"
echo "kernel $(uname -r), mount options: $(findmnt -n -o OPTIONS --target "$MOUNT")"
echo

write_rates=()
read_rates=()

for run in $(seq 1 "$RUNS"); do
    drop_caches
    secs="$(timed_dd if=/dev/zero of="$TEST_FILE" count="$COUNT" oflag=direct conv=fsync)"
    write_rates+=("$(rate "$COUNT" "$secs")")

    drop_caches
    secs="$(timed_dd if="$TEST_FILE" of=/dev/null iflag=direct)"
    read_rates+=("$(rate "$COUNT" "$secs")")

    printf 'run %d: write %5s MB/s   read %5s MB/s\n' \
        "$run" "${write_rates[-1]}" "${read_rates[-1]}"
    rm -f "$TEST_FILE"
done

write_mean="$(printf '%s\n' "${write_rates[@]}" | mean)"
read_mean="$(printf '%s\n' "${read_rates[@]}" | mean)"

echo
echo "mean: write ${write_mean} MB/s   read ${read_mean} MB/s"

# Targets from the spec's non-functional requirements.
verdict="PASS"
(( write_mean >= 900 )) || verdict="FAIL"
(( read_mean >= 850 )) || verdict="FAIL"
echo "targets (write >= 900, read >= 850): $verdict"

if [[ -n "$OUTPUT" ]]; then
    {
        echo "| Date | Size | Runs | Write MB/s | Read MB/s | Result |"
        echo "|------|------|------|------------|-----------|--------|"
        printf '| %s | %s GB | %s | %s | %s | %s |\n' \
            "$(date '+%Y-%m-%d %H:%M')" "$SIZE_GB" "$RUNS" "$write_mean" "$read_mean" "$verdict"
    } >> "$OUTPUT"
    echo "appended results to $OUTPUT"
fi

[[ "$verdict" == "PASS" ]]
