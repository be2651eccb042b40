interface Job {
  name: string;
  ok: boolean;
  retries: number;
}
function mk(name: string, ok: boolean, retries: number): Job {
  return { name: name, ok: ok, retries: retries };
}
function status(j: Job): string {
  if (j.ok && j.retries === 0) {
    return "clean";
  }
  if (j.ok || j.retries > 2) {
    return j.ok ? "recovered" : "gave up";
  }
  return j.name === "" ? "anonymous failure" : `${j.name} failing`;
}
const jobs = ["a:1:0", "b:1:2", "c:0:3", ":0:1", "d:0:0"];
for (const spec of jobs) {
  const f = spec.split(":");
  const j = mk(f[0] ?? "", f[1] === "1", Number(f[2] ?? "0"));
  console.log(`${spec} -> ${status(j)}`);
}
console.log(status(mk("z", true, 0)) === "clean");
