"""The command line: summarize extract, brief, eval, providers, cache and schema."""
