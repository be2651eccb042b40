const $ = "dollar";
const _ = "underscore";
const $$ = 5;
const $1 = "one";
const a$b = "a-b";
const _0 = 0;
const __ = "double";
function $f(x: string): string {
  return `$f(${x})`;
}
function _g($: string): string {
  return $ + _;
}
console.log("::", $, _, $$, $1, a$b, _0, __);
console.log("::", $f($), _g("arg"));
console.log($$ + 1);
