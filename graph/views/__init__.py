"""What is read out of the store: canned questions, export, the HTML view, analysis, the timeline, serve."""
