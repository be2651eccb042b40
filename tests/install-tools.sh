#!/usr/bin/env bash
# Installs the shells and checkers the tests run compiled scripts with, when missing
# (Debian/Ubuntu). Run automatically before `npm test`.
set -euo pipefail
need=()
for pair in busybox:busybox-static dash:dash shellcheck:shellcheck posh:posh mksh:mksh yash:yash bash:bash; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
[ "${#need[@]}" -eq 0 ] && exit 0
echo "Installing test tools: ${need[*]}"
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
