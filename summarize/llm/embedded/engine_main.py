"""The engine process: llama.cpp's own HTTP server (the xllamacpp wheel) on a loopback port.

Started as ``python -m summarize.llm.embedded.engine_main`` by :mod:`engine`, which owns its
lifetime. xllamacpp ships llama.cpp prebuilt for generic x86-64 (AVX2), so nothing is
compiled on install and no CPU-specific build can be carried to a machine it crashes on.
The server answers on its own threads; this process only configures it, then sleeps until it
is terminated.
"""

from __future__ import annotations

import argparse
import time


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="engine_main", description=__doc__)
    parser.add_argument("--model", required=True, help="GGUF file to serve")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--slots", type=int, default=1, help="requests decoded in parallel")
    parser.add_argument("--ctx", type=int, default=8192, help="context tokens per slot")
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument(
        "--no-extra-bufts",
        action="store_true",
        help="keep the weights as stored (no repacked CPU buffers): the fallback after a crash",
    )
    parser.add_argument(
        "--lookup",
        action="store_true",
        help="n-gram lookup decoding (drafts copied from the prompt); see bench/README.md",
    )
    return parser.parse_args()


def main() -> None:
    """Configure and start the server, then wait to be terminated."""
    args = _arguments()
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = args.model
    params.hostnames = ["127.0.0.1"]
    params.port = args.port
    params.n_parallel = args.slots
    params.n_ctx = args.ctx * args.slots  # each slot gets ``args.ctx`` tokens
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    # Measured: without busy-waiting, prompts process 30% faster on two cores, where a
    # spinning worker steals the core the HTTP thread and the other worker need.
    params.cpuparams.poll = 0
    params.cpuparams_batch.poll = 0
    params.no_extra_bufts = args.no_extra_bufts
    params.endpoint_slots = True
    if args.lookup:  # drafts of up to 8 tokens from 2-token matches in the prompt
        params.speculative.types = [
            xllamacpp.common_speculative_type.COMMON_SPECULATIVE_TYPE_NGRAM_MAP_K
        ]
        params.speculative.ngram_map_k.size_n = 2
        params.speculative.ngram_map_k.size_m = 8
        params.speculative.draft.n_max = 8
    server = xllamacpp.Server(params)
    print(f"engine listening on {server.listening_address}", flush=True)
    while True:  # SIGTERM's default action ends the process; the server needs no goodbye
        time.sleep(3600)


if __name__ == "__main__":
    main()
