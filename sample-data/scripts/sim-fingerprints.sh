#!/usr/bin/env bash
# The simulator's characterisation: sha256 of its output for a set of configurations
# (fr.joignable.sim.SimulatorFingerprints, a test-scope main). Run it before and after a change
# that must keep the output byte-identical, and compare:
#
#   sample-data/scripts/sim-fingerprints.sh > before.txt
#   ... change ...
#   sample-data/scripts/sim-fingerprints.sh > after.txt && diff before.txt after.txt
#
# Compare two runs on one machine: the hashes depend on Math.exp/Math.log, which another platform
# may compute differently in the last bit.
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o -pl sample-data -am test-compile dependency:build-classpath \
    -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
java -Xmx512m -cp "sample-data/target/test-classes:sample-data/target/classes:$(cat "$cp_file")" \
    fr.joignable.sim.SimulatorFingerprints
