#!/usr/bin/env bash
# Ring buffer benchmark: events/s from the kernel into the correlator under an mmap/munmap
# storm, with the loop's slowdown. Needs root; prints a report for docs/performance.md.
# Usage: scripts/bench-ringbuf.sh [iterations] [ring pages]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.pudwatch.bench.RingBufferBench "${1:-2000000}" "${2:-1024}"
