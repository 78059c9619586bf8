"""The build of mfaparse-native: pyproject.toml configures it; this only writes the Unicode tables first.

``build_ext`` runs tools/unicode_tables.py with the ``regex`` module of the build (a build requirement) and
compiles against the header it writes, so the tables are the classes of the ``regex`` the core is built with.
"""

from __future__ import annotations

import pathlib
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).parent


class BuildWithTables(build_ext):
    """build_ext that generates ``_tables.h`` into the build's temporary folder and compiles against it."""

    def run(self) -> None:
        sys.path.insert(0, str(HERE / "tools"))
        import unicode_tables  # noqa: PLC0415  # the generator beside this file, on the path just above

        out = pathlib.Path(self.build_temp) / "generated"
        out.mkdir(parents=True, exist_ok=True)
        (out / "_tables.h").write_text(unicode_tables.header(), encoding="ascii")
        for extension in self.extensions:
            extension.include_dirs.append(str(out))
        super().run()


setup(cmdclass={"build_ext": BuildWithTables})
