#!/usr/bin/env bash
# DedupWindowBenchmark in paired rounds: each round runs one fork at 10,000 items in the window and one at
# 1,000,000, back to back (alternating which goes first), and prints the ratio of the two. A fork's mean moves by
# a third or more from one fork to the next on a shared 2-core VM, partly slowly, with the host's load; forks of
# one size run one after the other (JMH's -f N) put that slow drift between the sizes, where pairing cancels it.
#   processor/src/jmh/dedup-window-rounds.sh [rounds, default 5]      (about 8 minutes a round)
set -euo pipefail
rounds="${1:-5}"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
out="$home/processor/target/dedup-window-rounds"
mkdir -p "$out"
: > "$out/summary.txt"
cd "$home"
# Installed first, so that the class path below names this checkout's modules, not older ones in ~/.m2.
mvn -B -q -DskipTests install >&2
mvn -B -q -pl processor -Pjmh -DskipTests test-compile >&2
mvn -B -q -pl processor -Pjmh dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >&2
cp="$home/processor/target/test-classes:$home/processor/target/classes:$(cat "$out/cp.txt")"

score() { # the Score column of JMH's result line for one window size
  awk -v n="$1" '$1 == "DedupWindowBenchmark.oneItem" && $3 == n { print $7 }' "$2"
}

for r in $(seq 1 "$rounds"); do
  sizes=(10000 1000000)
  [ $((r % 2)) -eq 0 ] && sizes=(1000000 10000)
  for n in "${sizes[@]}"; do
    java -cp "$cp" org.openjdk.jmh.Main DedupWindowBenchmark -p windowItems="$n" -f 1 > "$out/round-$r-$n.txt"
  done
  small=$(score 10000 "$out/round-$r-10000.txt")
  large=$(score 1000000 "$out/round-$r-1000000.txt")
  echo "round $r: 10,000 $small us, 1,000,000 $large us, ratio $(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.2f", a / b }')" \
    | tee -a "$out/summary.txt"
done
awk '{ print $NF }' "$out/summary.txt" | sort -n \
  | awk '{ r[NR] = $1 } END { printf "median ratio of %d rounds: %.2f (from %.2f to %.2f)\n", NR, (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2), r[1], r[NR] }'
