type Service = { name: string; pid: number; enabled: boolean };
function svc(name: string, pid: number): Service {
  return { name: name, pid: pid, enabled: pid > 0 };
}
function line(s: Service): string {
  return `${s.name}[${s.pid}] ${s.enabled ? "enabled" : "disabled"}`;
}
console.log(line(svc("syslogd", 120)));
console.log(line(svc("klogd", 0)));
const s = svc("udhcpc", 451);
console.log(s.pid, s.name, s.enabled);
console.log(line(s));
