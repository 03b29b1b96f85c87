"""Stories: coverage of one real-world event by many outlets, grouped and compared."""

import contextlib
import ctypes
import ctypes.util


def _share_cxx_runtime() -> None:
    """Load the system C++ runtime globally before usearch (imported by `cluster`).

    usearch 2.26.2 and later build their C++ runtime into the extension; when that loads before
    any library that uses the system `libstdc++`, ONNX Runtime (the MiniLM encoder) crashes
    with a segmentation fault on import. With the system runtime loaded first, both use it.
    Where there is no `libstdc++` (not Linux) this does nothing.
    """
    name = ctypes.util.find_library("stdc++")
    if name:
        with contextlib.suppress(OSError):
            ctypes.CDLL(name, mode=ctypes.RTLD_GLOBAL)


_share_cxx_runtime()
