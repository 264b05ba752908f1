"""Publishing a built site: the offline copy for file:// and the link check."""
