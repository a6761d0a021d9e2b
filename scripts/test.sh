#!/usr/bin/env bash
# Runs every test of whalewatch on a fresh machine (Java 17 + Maven + Debian apt):
# installs the system packages the tests need when they are missing, then `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
# The Redis adapter's tests start a real redis-server; the dashboard test drives Debian's Chromium.
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test dependencies: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

exec mvn -B verify
