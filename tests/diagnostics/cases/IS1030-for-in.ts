// expect: IS1030 at 6:1
interface Opts {
  ro: boolean;
}
const opts: Opts = { ro: true };
for (const key in opts) console.log(key);
