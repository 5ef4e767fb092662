#!/bin/sh
# Builds target/pudwatch_<version>_all.deb and runs DebianPackageIT against it: installs the
# package with apt-get (pulling libbpfcc and a Java 17 runtime), runs the installed
# /usr/bin/pudwatch, then removes and purges it and checks that nothing is left.
# Needs root and Debian's package lists (apt-get update). Unit tests are left to scripts/test.
set -eu
cd "$(dirname "$0")/.."
exec mvn -B -Pdeb verify \
    -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true \
    "$@"
