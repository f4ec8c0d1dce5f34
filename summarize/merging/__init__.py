"""The parts of the merge, one job to a module; ``summarize.merge`` puts them together."""
