"""Fold many extractions into one Brief, and word its narrative.

Sources, facts, people, engagements, claims, contradictions; the narrative.
"""
