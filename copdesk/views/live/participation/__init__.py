"""The participation tracker pane (facilitator only): tallies, tiles and engagement markers."""
