"""Reading inputs: files and their encodings, segments of a transcript, dates, word lists."""
