"""llama-cpp-python's OpenAI server with repacked (AMX) weight buffers off: the engine the
project used before, in the only form that runs on Intel CPUs with AMX (a native build puts
the weights in the AMX buffer type and crashes on the first completion there).

    python bench/lcp_server.py --model FILE --host 127.0.0.1 --port N --n_ctx 8192 --n_threads 2

Needs ``llama-cpp-python[server]==0.3.36`` (compiled from source by pip, about 5 minutes).
"""

from __future__ import annotations

import sys

import llama_cpp.llama_cpp as native
from llama_cpp.server.__main__ import main

_defaults = native.llama_model_default_params


def _without_extra_buffers() -> native.llama_model_params:
    params = _defaults()
    params.use_extra_bufts = False
    return params


native.llama_model_default_params = _without_extra_buffers
sys.argv = ["llama_cpp.server", *sys.argv[1:]]
main()
