// expect: IS1024 at 2:6
for (var w of ["a", "b"]) console.log(w);
