// Cloning the sample may drop the executable bit.
new File(basedir, 'two-nodes.sh').setExecutable(true)
true
