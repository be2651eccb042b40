interface Conf {
  name: string;
  port?: number;
  host?: string;
}
const c: Conf = { name: "svc" };
console.log(c.port, c.host);
c.port = 8080;
console.log(c.port, c.host);
c.host = "localhost";
console.log(`${c.name} ${c.host}:${c.port}`);
c.port = undefined;
console.log(c.port === undefined, c.port ?? 80);
c.host = "";
console.log(c.host === undefined, `[${c.host}]`);
