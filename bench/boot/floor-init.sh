#!/bin/sh
# The floor of the boot benchmark (bench/boot/run.mjs): the least a busybox init must do to
# reach a root filesystem named by label, by hand, with no checks and no rescue shell.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec </dev/console >/dev/console 2>&1
modprobe virtio_pci
modprobe virtio_blk
until root=$(findfs LABEL=root); do sleep 0.1; done
mkdir -p /newroot
mount -t ext4 -o ro "$root" /newroot
mount --move /dev /newroot/dev
mount --move /proc /newroot/proc
mount --move /sys /newroot/sys
exec switch_root /newroot /sbin/init
