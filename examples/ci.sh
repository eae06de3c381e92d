#!/usr/bin/env bash
# examples/ci.sh: the examples/ project end to end, as CI runs it: from the repository root, after the main build
# (`mvn -B verify`). Exits non-zero on any failure. About 2 minutes on the 2-core machine (see examples/README.md).
#
#   1. ./dipg builds and installs what it needs (core, trainer, bench, cli: `mvn install -pl hipparchus-dipg/cli
#      -am`) unless it is up to date: that puts org.deceptron:hipparchus-dipg:0.1.0-SNAPSHOT into the local
#      repository the examples resolve it from.
#   2. builds the family jar (examples/sine-gordon-1d) with its tests skipped (step 5 runs them);
#   3. trains a TINY model through `./dipg --classpath <family jar> train` (200 samples, 2/2/2 epochs: seconds);
#   4. solves one instance with it through `./dipg --classpath <family jar> solve --models <tmp dir>` (exit 0,
#      a D-IPG line and an LM line, both successful);
#   5. builds and tests the examples project (`mvn -B -f examples/pom.xml verify`) with the SHIPPED trained model
#      in the bundle: derivative tests, LM on the family, D-IPG through the bundle from plain Hipparchus code.
set -euo pipefail
cd "$(dirname "$0")/.."

FAMILY=sine-gordon-1d
JAR=examples/sine-gordon-1d/target/dipg-example-sine-gordon-1d-0.1.0-SNAPSHOT.jar
TMP="$(mktemp -d -t dipg-examples.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
start=$SECONDS
step() { echo "== [$((SECONDS - start)) s] $*"; }

step "./dipg: build and install the main project's modules it needs (skipped when up to date)"
./dipg --version >/dev/null

step "family jar: mvn -B -q -f examples/pom.xml -pl $FAMILY package -DskipTests"
mvn -B -q -f examples/pom.xml -pl "$FAMILY" package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
[[ -s "$JAR" ]] || { echo "examples/ci.sh: $JAR was not built" >&2; exit 1; }

step "tiny training: ./dipg --classpath $JAR train --family $FAMILY --samples 200 --epochs 2,2,2"
DIPG_NO_BUILD=1 ./dipg --classpath "$JAR" train --family "$FAMILY" --samples 200 --epochs 2,2,2 --plain \
    --out "$TMP/$FAMILY.dmodel" 2>&1 | grep -E "^(dipg train|wrote|total)"
[[ -s "$TMP/$FAMILY.dmodel" && -s "$TMP/$FAMILY-nojcp.dmodel" ]] || { echo "examples/ci.sh: no model written" >&2; exit 1; }

step "solve: ./dipg --classpath $JAR solve --family $FAMILY --models $TMP"
DIPG_NO_BUILD=1 ./dipg --classpath "$JAR" solve --family "$FAMILY" --models "$TMP" | tee "$TMP/solve.txt"
grep -Eq "^dipg +ok " "$TMP/solve.txt" || { echo "examples/ci.sh: D-IPG did not solve with the tiny model" >&2; exit 1; }
grep -Eq "^lm +ok " "$TMP/solve.txt" || { echo "examples/ci.sh: LM did not solve" >&2; exit 1; }

step "examples project with the shipped model: mvn -B -q -f examples/pom.xml verify"
mvn -B -q -f examples/pom.xml verify 2>&1 | sed 's/\x1b\[[0-9;]*m//g'

step "examples/ci.sh: OK"
