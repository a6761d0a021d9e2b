#!/usr/bin/env bash
# Runs every test of whalewatch on a fresh machine (Java 17 + Maven + Debian apt):
# installs the system packages the tests need when they are missing, then `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
# (system packages the test suite needs are added here as capabilities land: redis-server, chromium, ...)
for pkg in "$@"; do :; done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test dependencies: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

exec mvn -B verify
