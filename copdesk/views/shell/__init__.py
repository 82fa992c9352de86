"""The main window and what surrounds its pages: safeguards, start-up questions, the first-run choice, help."""
