"""The line model: a linear-chain CRF over a capture's lines, trained on real
labelled pages (`invoke train`), that says of each line whether it is the
title, article text, a reader's comment or something else (`other`).

The rules' verdicts are among its features, so they act as priors; the model
decides where no rule does, and the parse keeps every line's reason.
"""
