"""Run many files: inputs, parallel extraction, recall, the run report."""
