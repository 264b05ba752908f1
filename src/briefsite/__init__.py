"""briefsite: policy bulletins on urban agglomerations, as a cross-linked Pelican site."""

__version__ = "0.1.0"
