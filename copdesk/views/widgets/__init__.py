"""Shared pieces every page uses: banners, labels, the bounded editor, the pane frame, table models, the theme."""
