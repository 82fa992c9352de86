"""The question picker pane: the card, the draw, search and the facilitator's own questions."""
