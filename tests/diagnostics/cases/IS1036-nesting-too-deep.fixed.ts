// Deep but realistic nesting compiles.
const deep = ((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))));
console.log(deep);
