interface Weird {
  IFS: string;
  PATH: string;
  then: string;
  fi: number;
  done: boolean;
  length: number;
  _: string;
  $x: string;
}
const w: Weird = { IFS: "ifs", PATH: "path", then: "then", fi: 7, done: true, length: -3, _: "under", $x: "dollar" };
function show(r: Weird): string {
  return `${r.IFS} ${r.PATH} ${r.then} ${r.fi} ${r.done} ${r.length} ${r._} ${r.$x}`;
}
console.log(show(w));
console.log(w.fi + w.length);
console.log(w.IFS.length, w.PATH.length);
console.log(`[${w.$x}]`);
