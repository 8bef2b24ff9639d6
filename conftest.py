"""Root pytest configuration.

Importing the package first keeps ``newsclean.normalize`` bound to the function even when pytest is pointed at
``src/newsclean/normalize.py`` directly (importing a submodule by path would otherwise rebind the attribute).
"""

import newsclean  # noqa: F401
