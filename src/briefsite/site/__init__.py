"""The site: bulletin bodies, statements, related content and the views pages render."""
