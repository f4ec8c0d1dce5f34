"""Read an article and prepare the text the model sees.

Decoding, metadata, page furniture, injected instructions, the body-to-article map,
sentences and chunks.
"""
