// A hexadecimal literal whose digits include E is an integer (0xE is 14), not an exponent.
const mask = 0xE;
const other = 0x1f;
console.log(mask + other);
