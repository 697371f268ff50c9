// Cloning the sample may drop the executable bit.
new File(basedir, 'hang.sh').setExecutable(true)
true
