"""Turn one article into a grounded Extraction.

The passes, the drafts the model fills, grounding, hedge candidates, office holders,
folding chunks.
"""
