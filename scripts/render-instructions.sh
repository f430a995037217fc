#!/usr/bin/env bash
# Instructions per full 80x24 draw of each screen, counted by callgrind: a
# figure that does not move with the machine's load, unlike the wall-clock
# medians of `cargo bench --bench render`. Needs valgrind.
#
#   scripts/render-instructions.sh                 # every screen
#   scripts/render-instructions.sh summary home    # screens whose name is given
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(cargo bench --profile profiling --bench render --no-run 2>&1 |
    sed -n 's/.*Executable .*(\(.*\)).*/\1/p' | head -1)
[ -x "$exe" ] || { echo "could not build the render bench" >&2; exit 1; }
if [ $# -eq 0 ]; then
    mapfile -t names < <("$exe" --list)
else
    names=("$@")
fi
draws=100
for name in "${names[@]}"; do
    collected=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        --toggle-collect='render::draw_into*' "$exe" --only "$name" --sizes 80x24 --draws "$draws" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    printf '%-34s %6d k instructions\n' "$name" $((collected / draws / 1000))
done
