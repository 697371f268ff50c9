// Cloning the sample may drop the executable bit.
new File(basedir, 'kill-rank-1.sh').setExecutable(true)
true
