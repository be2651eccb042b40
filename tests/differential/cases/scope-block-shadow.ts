const x = "outer";
let y = 1;
{
  const x = "inner";
  let y = 2;
  console.log(y, x);
  {
    const x = "innermost";
    y = 3;
    console.log(y, x);
  }
  console.log(y, x);
}
console.log(y, x);
if (y === 1) {
  const y = "if-block";
  console.log(y);
} else {
  const y = "else-block";
  console.log(y);
}
console.log(y);
