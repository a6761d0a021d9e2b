#!/usr/bin/env bash
# Runs every measurement in BENCHMARKS.md. Usage: benchmarks/run-all.sh [OUT_DIR]
# Build first (from the repository root): mvn -B -q package -Dmaven.test.skip=true -pl bootstrap,benchmarks -am
# The files (1.1 GB burst) are written once by BurstFiles into $DIR.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/whalewatch-bench}
JAR=$ROOT/bootstrap/target/whalewatch.jar
CP=$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")
mkdir -p "$DIR"
echo "date: $(date -u +%FT%TZ)"; echo "nproc: $(nproc)"; free -g; java -version 2>&1; uptime
[ -f "$DIR/burst.frames" ] || java -Xmx4g -cp "$CP" io.whalewatch.benchmarks.BurstFiles "$DIR" 500000 5000 300000 120 60
[ -f "$DIR/warmburst.frames" ] || java -Xmx4g -cp "$CP" io.whalewatch.benchmarks.WarmBurstFile "$DIR" 200000 500000 5000
# end-to-end: simulator and server in their own JVMs, clients in the harness JVM
java -Xmx3g -cp "$CP" io.whalewatch.benchmarks.load.LoadHarness "$JAR" "$DIR" \
    startup:4 burst:3 warmburst:2 steady fanout:1000:1 fanout:10000:1
# JMH micro-benchmarks (defaults in the classes: 1 fork, 3 x 2 s warm-up, 5 x 2 s measurement)
java -cp "$CP" org.openjdk.jmh.Main -rf text -rff "$DIR/jmh.txt" -p frameFile="$DIR/burst.frames" \
    'FrameParsingBenchmark|DetectionBenchmark|DuckDbWriterBenchmark|PredictionJournalBenchmark'
uptime
