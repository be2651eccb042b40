console.log("abc".replace("b", "[$`]"));
console.log("abc".replace("b", "[$']"));
console.log("abcb".replaceAll("b", "($`|$')"));
console.log("a".replace("a", "$<x>"));
console.log("aa".replaceAll("a", "$`"));
