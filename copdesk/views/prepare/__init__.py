"""The Prepare view: the review before a session, the planning checklist, the participation chart."""
