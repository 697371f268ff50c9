// Only meaningful where no NVIDIA GPU is installed (CI and laptops).
!new File('/proc/driver/nvidia/gpus').exists() && !new File('/dev/nvidia0').exists()
