# Runs on the host as the command of script(1) (its -c text, run by dash), so its standard
# streams are the pty that becomes the init's /dev/console. Starts the namespaces (inner.sh
# becomes the init), and kills them as soon as a shim reports that the run is over
# (switch_root, rescue shell …): PID 1 of a PID namespace cannot be killed from inside it.
#
# Environment: INITSH_SIM_WORK (the run's work dir), INITSH_SIM_DASH (host dash),
# INITSH_SIM_HOST (this directory). Harness errors go to $INITSH_SIM_WORK/harness.log.

work=$INITSH_SIM_WORK
state=$work/root/.sim/state
exec 2>>"$work/harness.log"
mkfifo "$state/end" "$state/hold" || exit 125

# An asynchronous command's stdin would be /dev/null: hand it the pty explicitly.
exec 3<&0
unshare --user --map-root-user --mount --propagation private --pid --fork --kill-child \
  "$INITSH_SIM_DASH" "$INITSH_SIM_HOST/inner.sh" <&3 3<&- &
ns=$!
exec 3<&-
printf '%s\n' "$ns" >"$work/ns.pid"

# The watcher: a shim that ends the run writes to the end fifo. Killing PID 1 of the
# namespace (from outside, by its host PID) makes the kernel kill everything in it.
{
  read -r _ <"$state/end"
  IFS= read -r init_pid <"$work/init.pid"
  kill -KILL "$init_pid" "$ns"
} <&- >&- &
watcher=$!

wait "$ns"
printf '%s\n' "$?" >"$work/exit-status"
kill "$watcher" 2>/dev/null
exit 0
