"""Linking the corpus: passages that documents share (quotations, even edited),
the actors they name, the documents related through them, and the editors'
notes anchored to the words they quote.

In: the records of every document (and the editors' files). Out: passages,
links between documents, actor mentions and placed notes, as plain data.
"""
