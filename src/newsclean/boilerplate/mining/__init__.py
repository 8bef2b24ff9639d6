"""Corpus mining of publisher templates, used by :class:`~newsclean.boilerplate.corpus.BoilerplateMiner`.

:mod:`.text` splits a document into units and keys; :mod:`.state` counts them per group and story;
:mod:`.select` picks the templates; :mod:`.find` finds them in new text, with :mod:`.cuts` and
:mod:`.links` deciding where a cut begins and ends.
"""
