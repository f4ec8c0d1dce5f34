"""Write a Brief for people: Markdown, a self-contained HTML page, the files.

Both renderers walk one document model built once from the brief.
"""
