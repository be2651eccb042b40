const v = "string-v";
{
  const v = 42;
  console.log(v + 1);
  {
    const v = true;
    console.log(!v);
  }
  console.log(v * 2);
}
console.log(v.length);
function f(v: number): number {
  {
    const w = v + 1;
    {
      const v = w * 3;
      return v;
    }
  }
}
console.log(f(4));
