"""`saraban` command line (contract: shared/docs/contract.md): the top layer, CLI → flows → extractors → pipeline."""

import os

# Before numpy loads: its BLAS would start a thread per core for tiny matrices, and several
# of those beside one single-threaded Tesseract per core thrash a small machine.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
