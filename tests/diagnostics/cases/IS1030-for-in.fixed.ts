for (const key of ["ro", "quiet"]) console.log(key);
