#!/usr/bin/env bash
# DedupWindowPairs: the dedup cost per item at 1,000,000 items in the window against 10,000, both windows in one
# JVM and measured in alternating one-second batches (see its javadoc for why not JMH forks of each size).
#   processor/src/jmh/dedup-window-pairs.sh [small] [large] [pairs] [batch millis] [warm-up pairs]
# About 12 minutes with the defaults (10000 1000000 150 1000 30), most of it filling the large window.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
out="$home/processor/target/dedup-window-pairs"
mkdir -p "$out"
cd "$home"
# Installed first, so that the class path below names this checkout's modules, not older ones in ~/.m2.
mvn -B -q -DskipTests install >&2
mvn -B -q -pl processor -Pjmh -DskipTests test-compile >&2
mvn -B -q -pl processor -Pjmh dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >&2
cp="$home/processor/target/test-classes:$home/processor/target/classes:$(cat "$out/cp.txt")"
run="$out/$(date +%Y%m%d-%H%M%S)"
# The heap of DedupWindowBenchmark's forks.
java -Xmx1g -Dbatches="$run-batches.csv" -cp "$cp" dev.newsmon.processor.dedup.DedupWindowPairs "$@" | tee "$run.txt"
