def log = new File(basedir, 'build.log').text
assert log =~ /cuda-backend-without-gpu-fails-with-one-line: commgate: backend: cuda needs an NVIDIA GPU, but none is visible here \(0 NVIDIA GPUs installed, CUDA_VISIBLE_DEVICES=.*\) -> \[Help 1\]/
assert !log.contains('\tat io.github.commgate') : 'a user mistake must not print a stack trace'
assert !new File(basedir, 'target/commgate/logs').exists() : 'no worker may start'
true
