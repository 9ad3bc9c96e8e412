"""What every stage shares: sentences, dates, numbers in words, month names, language
identification, word tools, and the wrappers of the embedding and NER models."""
