/**
 * initsh: typed boot logic for the initramfs `/init`. This is the package entry: the
 * intrinsics and types of dsl/, and the boot library written in the DSL itself (each part is
 * compiled into a script only when the script uses it).
 *
 * @module
 */
export * from "../dsl/index.ts";
export { cmdline } from "./cmdline.ts";
export { type CryptKey, cryptsetup } from "./crypt.ts";
export { blockDevices, parseDeviceSpec, resolveDevice, waitForDevice } from "./devices.ts";
export { log } from "./log.ts";
export { modprobe } from "./modules.ts";
export { earlySetup, mount, umount } from "./mount.ts";
export { rescueShell } from "./rescue.ts";
export { chrootExec, pivotRoot, switchRoot } from "./root.ts";
export { dmraid, losetup, lvm, mdraid } from "./storage.ts";
