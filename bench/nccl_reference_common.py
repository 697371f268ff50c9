"""What the reference scripts share and what needs no PyTorch: NCCL through ctypes."""
import ctypes

NCCL_BFLOAT16, NCCL_SUM = 9, 0
HIDDEN = 8192


class UniqueId(ctypes.Structure):
    _fields_ = [("internal", ctypes.c_byte * 128)]


def load_nccl(path):
    nccl = ctypes.CDLL(path)
    nccl.ncclGetUniqueId.argtypes = [ctypes.POINTER(UniqueId)]
    nccl.ncclCommInitRank.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, UniqueId, ctypes.c_int]
    nccl.ncclAllReduce.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
                                   ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p]
    nccl.ncclGetVersion.argtypes = [ctypes.POINTER(ctypes.c_int)]
    return nccl


def check(status, call):
    if status != 0:
        raise RuntimeError(f"{call} returned {status}")
