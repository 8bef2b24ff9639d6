"""Internals of the ``newsclean`` command line (the entry point is :func:`newsclean.cli.main`)."""
