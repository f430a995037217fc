#!/bin/sh
# Writes assets/link-order.txt: the functions the release build runs from
# its start to its first frame (50 subscriptions, 80x24) and on to `q`.
# build.rs hands the file to the linker (rust-lld), which puts those
# functions side by side at the start of the code: a start then maps a few
# hundred kilobytes of code instead of 64 KB windows all over the binary
# (SPEC §7, peak memory). Run it after large changes; an old file is
# harmless (names it no longer finds are skipped, and those functions go
# back among the others).
#
# How: callgrind runs the stripped release binary (it names each function
# by its address) and the linker's map of that same build says which
# function each address is in. Needs valgrind and script(1); ~4 minutes.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The benchmark's own state file (cargo bench builds with another profile,
# so this comes before the release build that is measured).
cargo bench --bench first_frame -- --no-build --write-state "$work/state.toml" >/dev/null
COURSERA_EXIT_LINK_MAP="$work/release.map" cargo build --release --bins
cp target/release/coursera-exit "$work/coursera-exit"

(sleep 8; printf q) | script -qfec "stty cols 80 rows 24; valgrind --tool=callgrind \
  --callgrind-out-file=$work/callgrind.out $work/coursera-exit \
  --state $work/state.toml --today 2026-03-01" /dev/null >/dev/null 2>&1

# The addresses callgrind saw run in our binary (fn= and cfn= lines under
# ob=/cob= naming it), in order.
awk -v bin="$work/coursera-exit" '
  function id(s) { return substr(s, index(s, "(") + 1, index(s, ")") - index(s, "(") - 1) }
  function rest(s) { return index(s, ") ") ? substr(s, index(s, ") ") + 2) : "" }
  /^c?ob=/ { o = id($0); if (rest($0) != "") obname[o] = rest($0)
             if ($0 ~ /^ob=/) { ob = o; cob = o } else cob = o; next }
  /^c?fn=/ { f = id($0); if (rest($0) != "") fname[f] = rest($0)
             o = ($0 ~ /^fn=/) ? ob : cob
             if (obname[o] == bin && fname[f] ~ /^0x/) { a = fname[f]; sub(/'"'"'.*/, "", a); print a } }
' "$work/callgrind.out" | sort -u >"$work/ran.txt"

# Each address to the function (input section) holding it, by the map:
# "VMA LMA size align  file:(.text.NAME)".
awk '
  function hex(s,   n, i, c) { n = 0; s = tolower(s); sub(/^0x/, "", s)
    for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)) - 1; n = n * 16 + c }
    return n }
  NR == FNR { ran[++r] = hex($1); next }
  /\(\.text\./ { name = $0; sub(/.*\(\.text\./, "", name); sub(/\)$/, "", name)
                 sub(/^(unlikely|hot|startup|exit|split)\./, "", name)
                 n++; start[n] = hex($1); size[n] = hex($3); sym[n] = name }
  END {
    # Both lists ascend: walk them together.
    j = 1
    for (i = 1; i <= r; i++) {
      while (j <= n && start[j] + size[j] <= ran[i]) j++
      if (j <= n && start[j] <= ran[i] && !(sym[j] in seen)) { seen[sym[j]] = 1; print sym[j] }
    }
  }
' "$work/ran.txt" "$work/release.map" >assets/link-order.txt
echo "assets/link-order.txt: $(wc -l <assets/link-order.txt) functions"
