"""Reading files a pull request can change, guarded: regular files only (never a FIFO, device or
socket), opened without blocking, never read past a size limit, and never through a link that
leads out of the project.

Every file klm-lint reads goes through `read_regular`: content files, the config file (and
pyproject.toml), the files the config names (the authors file), the baseline and the index
cache. The paths the config names are checked by `project_path` first: relative, inside the
project root, and not leading out of it through a link.
"""

from __future__ import annotations

import errno
import os
import posixpath
import stat
from typing import TYPE_CHECKING

from klm_lint.errors import ConfigError
from klm_lint.records import value_record

if TYPE_CHECKING:
    from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO put in a file's place cannot make the run hang
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_LINK_ERRORS = (errno.ELOOP, getattr(errno, "EMLINK", errno.ELOOP), getattr(errno, "EFTYPE", -1))

NAMED_FILE_LIMIT = 1024 * 1024
"""The most klm-lint reads of the config file and of each file the config names (bytes)."""

Stamp = tuple[int, int, int]
"""A file's size, modification time and change time (ns), as it was read. The change time
cannot be set back by hand, so an edit that keeps the size and the modification time still
changes the stamp."""

OUTSIDE = "a link that leads outside the project"
LINK = "a link, which klm-lint does not follow here"


class Refused(Exception):
    """Why a file was not read, in a few words (`not a regular file`)."""

    def __init__(self, reason: str, code: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.errno = code
        """The system's error number, when the system refused (0 otherwise)."""

    @property
    def missing(self) -> bool:
        return self.errno == errno.ENOENT


class TooLarge(Refused):
    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than the limit of {limit:,} bytes")
        self.limit = limit


@value_record
class ProjectRoot:
    """The project root, as given (absolute) and with every link resolved."""

    text: str
    real: str

    @classmethod
    def at(cls, root: Path | str) -> ProjectRoot:
        return cls(os.path.abspath(root), os.path.realpath(root))

    def holds(self, path: Path | str) -> bool:
        """Whether the path lies in the project as written (links not followed)."""
        return _within(os.path.abspath(path), self.text)

    def leads_out(self, path: Path | str) -> bool:
        """Whether a path in the project goes, through some link, to something outside it."""
        return self.holds(path) and not _within(os.path.realpath(path), self.real)


def _within(absolute: str, folder: str) -> bool:
    return absolute == folder or absolute.startswith(folder.rstrip(os.sep) + os.sep)


def temporary_file(folder: str | os.PathLike[str], prefix: str) -> tuple[int, str]:
    """A new file in the folder, open for writing, and its path (`prefix`, random letters,
    `.tmp`): made by this call alone (never an existing file, never through a link) and
    readable by its owner alone, as tempfile.mkstemp makes it, without tempfile's imports
    (shutil, random and the compression modules) on the path of every run that writes."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        path = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}.tmp")
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no new temporary file name found", os.fspath(folder))


def stamp_of(info: os.stat_result) -> Stamp:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns


def read_regular(
    path: Path | str,
    limit: int,
    project: ProjectRoot | None = None,
    *,
    follow: bool = True,
) -> tuple[bytes, os.stat_result]:
    """The file's bytes (at most `limit`) and its status as it was read.

    With `project`, a path in the project whose last part is a link is followed only when the
    link stays in the project (the folders above it are checked where they are walked or named).
    Without `follow`, a link is not followed at all. Raises Refused with the reason, or
    TooLarge."""
    try:
        descriptor = _open(path, project) if follow else _open_no_link(path)
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                raise Refused("not a regular file")
            raw = _read_up_to(descriptor, limit + 1, info.st_size, from_start=True)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise Refused(error.strerror or str(error), error.errno or 0) from None
    except ValueError as error:  # a NUL byte in the name
        raise Refused(str(error)) from None
    if len(raw) > limit:
        raise TooLarge(limit)
    return raw, info


def open_regular(path: Path | str) -> tuple[int, os.stat_result]:
    """An open descriptor of a regular file, never through a link, and its status (for a file
    read in parts: the index cache). Raises Refused with the reason; the caller closes it."""
    try:
        descriptor = _open_no_link(path)
    except OSError as error:
        raise Refused(error.strerror or str(error), error.errno or 0) from None
    except ValueError as error:
        raise Refused(str(error)) from None
    try:
        info = os.fstat(descriptor)
    except OSError as error:
        os.close(descriptor)
        raise Refused(error.strerror or str(error), error.errno or 0) from None
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise Refused("not a regular file")
    return descriptor, info


def read_up_to(descriptor: int, most: int, size: int) -> bytes:
    """At most `most` bytes from an open file, in one read when it has `size` bytes left."""
    return _read_up_to(descriptor, most, size)


def _open(path: Path | str, project: ProjectRoot | None) -> int:
    if project is None:
        return os.open(path, _FLAGS)
    if not _NOFOLLOW:  # pragma: no cover - Windows has no O_NOFOLLOW
        if os.path.islink(path) and project.leads_out(path):
            raise Refused(OUTSIDE)
        return os.open(path, _FLAGS)
    try:
        return os.open(path, _FLAGS | _NOFOLLOW)
    except OSError as error:
        if error.errno not in _LINK_ERRORS or not os.path.islink(path):
            raise
    if project.leads_out(path):
        raise Refused(OUTSIDE)
    return os.open(path, _FLAGS)


def check_written_here(path: Path | str) -> None:
    """Refuse to write a file named on the command line (a report, a baseline) when its name,
    in the working directory (the repository in CI), is a link that leads out of it: the pull
    request being linted may have put that link there."""
    try:
        outside = ProjectRoot.at(os.getcwd()).leads_out(path)
    except (OSError, ValueError):
        return
    if outside:
        raise Refused(OUTSIDE)


def _open_no_link(path: Path | str) -> int:
    if not _NOFOLLOW and os.path.islink(path):  # pragma: no cover - Windows
        raise Refused(LINK)
    try:
        return os.open(path, _FLAGS | _NOFOLLOW)
    except OSError as error:
        if error.errno in _LINK_ERRORS and os.path.islink(path):
            raise Refused(LINK) from None
        raise


def _read_up_to(descriptor: int, most: int, size: int, *, from_start: bool = False) -> bytes:
    """At most `most` bytes of a regular file, in one read when it has the size it had
    (`from_start`: read from its first byte)."""
    chunks: list[bytes] = []
    left = most
    while left > 0:
        asked = min(left, max(size + 1, 1 << 16))
        chunk = os.read(descriptor, asked)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
        if from_start and len(chunk) == size < asked:
            # The whole file as it was looked at, and no byte more where more was asked: a
            # regular file reads short only at its end, so no read is needed to tell it.
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def project_path(project: ProjectRoot, key: str, value: str, config: Path | str | None) -> str:
    """A path the config names, relative to the project root: it must stay in the project
    (no absolute path, no `..` out of it, no link that leads out). The normalised relative
    path ("." for the root itself); ConfigError naming the config file and the key otherwise."""
    where = f"{config}: {key}" if config is not None else key
    if "\0" in value:
        raise ConfigError(f"{where}: {value!r} holds a NUL character; name a path in the project")
    written = value.replace("\\", "/")
    if posixpath.isabs(written) or os.path.isabs(value) or _has_drive(written):
        raise ConfigError(
            f"{where}: {value!r} is an absolute path; klm-lint reads only inside the project "
            f"({project.text}), so name it relative to the project root"
        )
    normal = posixpath.normpath(written) if written else "."
    if normal == ".." or normal.startswith("../"):
        raise ConfigError(
            f"{where}: {value!r} leads out of the project ({project.text}); klm-lint reads only "
            "inside it"
        )
    absolute = os.path.join(project.text, *normal.split("/"))
    try:
        outside = project.leads_out(absolute)
    except (OSError, ValueError):
        outside = False
    if outside:
        raise ConfigError(
            f"{where}: {value!r} goes through a link that leads outside the project "
            f"({project.text}); klm-lint does not follow it"
        )
    return normal


def _has_drive(written: str) -> bool:
    return len(written) >= 2 and written[1] == ":" and written[0].isalpha()


def read_config_file(
    project: ProjectRoot,
    key: str,
    value: str,
    config: Path | str | None,
    limit: int = NAMED_FILE_LIMIT,
) -> tuple[str, str]:
    """A file the config names (the authors file, …), read through the guard and decoded as
    UTF-8: its absolute path and its text. ConfigError, one line naming it, when it cannot be."""
    relative = project_path(project, key, value, config)
    path = os.path.join(project.text, *relative.split("/"))
    try:
        raw, _info = read_regular(path, limit, project)
    except Refused as refused:
        if refused.missing:
            raise ConfigError(f"{key}: {value} does not exist in {project.text}") from None
        raise ConfigError(f"{key}: cannot read {value} ({refused.reason})") from None
    try:
        return path, raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{key}: cannot read {value} (it is not UTF-8)") from None
