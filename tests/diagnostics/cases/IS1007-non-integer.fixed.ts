const ratioTimesTen = 15;
console.log(ratioTimesTen);
