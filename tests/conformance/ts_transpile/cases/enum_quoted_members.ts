enum Q { "with space" = 1, 'quoted', plain = 7 }
console.log(Q["with space"], Q.quoted, Q.plain, Q[2]);
