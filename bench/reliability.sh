#!/usr/bin/env bash
# The reliability suite of e2e/ in a larger configuration than CI's: more generated requests per
# operation for the fuzz test (default here 5,000, CI 1,000), then the access matrix and the edge's
# limits. Prints each test's figures (lines starting "fuzz:", "access matrix:") and the command.
#   bench/reliability.sh [requests-per-operation]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-5000}
echo "reproduce: bench/reliability.sh $requests   (stop a running mall first: ./mall down)"
./mvnw -B verify -pl e2e -Dtest='FuzzTest,AccessMatrixTest,LimitsAndHeadersTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.requests="$requests" | grep -E "^(fuzz|access matrix):|Tests run:|BUILD"
