"""What the tests need of the machine: Debian packages installed when missing, a CJK font.

The suite installs what some of its tests need when it runs as root with apt-get (as on
CI: `.ci/run` runs only the README's test command): Chromium for the audit page, and a
CJK font. PDFium reads text drawn in a font the PDF does not hold (the tests' PDFs name
STSong-Light, as many producers do) with a font of the machine's; with no CJK font
installed it leaves out some characters (a full-width digit set alone, Chinese drawn
turned). It looks the machine's fonts up once per process, when a PDF first needs one,
so the font is installed when the test session starts, before any PDF is read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

#: The CJK font installed when none is: small, and in Debian's main archive.
CJK_FONT_PACKAGE = "fonts-wqy-zenhei"
#: Where fonts are installed, when fontconfig's ``fc-list`` is not there to ask.
_FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
#: Words in the file names of common CJK fonts (in lower case).
_CJK_FONT_WORDS = ("wqy", "cjk", "droidsansfallback", "simsun", "simhei", "fangsong", "kaiti")


def apt_install(*packages: str) -> str | None:
    """Install Debian packages; why not, if it cannot be done."""
    if shutil.which("apt-get") is None:
        return "no apt-get here"
    if os.geteuid() != 0:
        return "not root, so apt-get cannot install packages"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=1200, env=env)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{' '.join(command)} failed: {exc}"
        if done.returncode != 0:
            return f"{' '.join(command)} failed: {done.stderr.strip()[-300:]}"
    return None


def cjk_font_installed() -> bool:
    """Whether the machine has a font for Chinese (fontconfig's word, or a known file)."""
    if shutil.which("fc-list"):
        found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True)
        return bool(found.stdout.strip())
    return any(
        any(word in font.name.lower() for word in _CJK_FONT_WORDS)
        for folder in _FONT_FOLDERS
        if folder.is_dir()
        for font in folder.rglob("*")
    )


def install_cjk_font() -> str | None:
    """Install a CJK font if none is; why not, if it cannot be done (None: there is one)."""
    if cjk_font_installed():
        return None
    return apt_install(CJK_FONT_PACKAGE)
