#!/usr/bin/env bash
# Installs the shells and checkers the tests run compiled scripts with, the tools of the QEMU
# boot tests (tests/qemu: QEMU, cpio, kmod, e2fsprogs, gdisk) and the programs initsh pack puts
# into their images (cryptsetup, lvm, mdadm), when missing (Debian/Ubuntu).
# Run automatically before `npm test`.
set -euo pipefail
need=()
# depmod and mke2fs live in sbin, which a non-root PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
for pair in busybox:busybox-static dash:dash shellcheck:shellcheck posh:posh mksh:mksh yash:yash bash:bash \
  qemu-system-x86_64:qemu-system-x86 cpio:cpio depmod:kmod mke2fs:e2fsprogs sgdisk:gdisk \
  cryptsetup:cryptsetup-bin lvm:lvm2 mdadm:mdadm; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
[ "${#need[@]}" -eq 0 ] && exit 0
echo "Installing test tools: ${need[*]}"
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
