// Cloning the sample may drop the executable bit.
new File(basedir, 'interrupt-maven.sh').setExecutable(true)
true
