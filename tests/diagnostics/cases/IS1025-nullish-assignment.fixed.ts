let m: number | undefined = undefined;
if (m === undefined) m = 3;
console.log(m ?? 0);
