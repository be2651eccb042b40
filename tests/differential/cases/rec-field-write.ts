const st = { count: 0, label: "start", done: false };
st.count = 5;
st.label = "running";
console.log(`${st.count} ${st.label} ${st.done}`);
st.count += 10;
st.count -= 3;
st.count *= 2;
st.count++;
st.count--;
st.count++;
st.label += "!";
st.done = !st.done;
console.log(`${st.count} ${st.label} ${st.done}`);
for (let i = 0; i < 4; i++) {
  st.count += i;
  st.label = st.label + String(i);
}
console.log(st.count);
console.log(st.label);
