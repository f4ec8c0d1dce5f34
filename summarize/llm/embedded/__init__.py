"""The embedded model: its GGUF file and the llama.cpp engine started on loopback."""
