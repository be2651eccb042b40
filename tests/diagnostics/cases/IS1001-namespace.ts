// expect: IS1001 at 2:1
namespace Boot {
  export const stage = "early";
}
console.log("boot");
