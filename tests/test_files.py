"""The guarded reader (klm_lint/files.py): regular files only, never blocking, never past a
limit, never through a link out of the project; and the paths the config names."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

import pytest

from klm_lint.errors import ConfigError
from klm_lint.files import (
    LINK,
    OUTSIDE,
    ProjectRoot,
    Refused,
    TooLarge,
    check_written_here,
    project_path,
    read_config_file,
    read_regular,
    temporary_file,
)

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def places(tmp_path: Path) -> tuple[ProjectRoot, Path, Path]:
    """A project with a file, and a folder outside it with a file."""
    root, outside = tmp_path / "project", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "inside.txt").write_text("inside")
    (outside / "secret.txt").write_text("secret")
    return ProjectRoot.at(root), root, outside


def test_a_regular_file_is_read_with_its_status(places: tuple[ProjectRoot, Path, Path]) -> None:
    project, root, _outside = places
    raw, info = read_regular(root / "inside.txt", 100, project)
    assert (raw, info.st_size) == (b"inside", 6)


def test_a_file_of_the_size_it_had_is_read_in_one_read(
    places: tuple[ProjectRoot, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A short read of the size the file had is its end; a file that reads otherwise (larger
    than it said, as /proc's files) is read to its end."""
    project, root, _outside = places
    reads: list[int] = []
    real_read = os.read

    def counted(descriptor: int, most: int) -> bytes:
        reads.append(most)
        return real_read(descriptor, most)

    monkeypatch.setattr(os, "read", counted)
    assert read_regular(root / "inside.txt", 100, project)[0] == b"inside"
    assert len(reads) == 1
    reads.clear()
    real_fstat = os.fstat

    def smaller(descriptor: int) -> os.stat_result:
        info = real_fstat(descriptor)
        return os.stat_result((info.st_mode, *info[1:6], 2, *info[7:]))

    monkeypatch.setattr(os, "fstat", smaller)
    assert read_regular(root / "inside.txt", 100, project)[0] == b"inside"
    assert len(reads) == 2


def test_a_file_over_the_limit_is_refused(places: tuple[ProjectRoot, Path, Path]) -> None:
    project, root, _outside = places
    with pytest.raises(TooLarge) as raised:
        read_regular(root / "inside.txt", 5, project)
    assert raised.value.reason == "larger than the limit of 5 bytes"
    assert read_regular(root / "inside.txt", 6, project)[0] == b"inside"


@pytest.mark.parametrize("kind", ["fifo", "folder", "missing", "device"])
def test_what_is_not_a_regular_file_is_refused(
    places: tuple[ProjectRoot, Path, Path], kind: str
) -> None:
    _project, root, _outside = places
    path = root / "thing"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path = root.parent / "zero"
        os.symlink("/dev/zero", path)
    with pytest.raises(Refused) as raised:
        read_regular(path, 100)
    assert raised.value.missing == (kind == "missing")
    if kind in ("fifo", "device"):
        assert raised.value.reason == "not a regular file"


def test_links_are_followed_only_inside_the_project(
    places: tuple[ProjectRoot, Path, Path],
) -> None:
    project, root, outside = places
    os.symlink(outside / "secret.txt", root / "out.txt")
    os.symlink("inside.txt", root / "in.txt")
    with pytest.raises(Refused) as raised:
        read_regular(root / "out.txt", 100, project)
    assert raised.value.reason == OUTSIDE
    assert read_regular(root / "in.txt", 100, project)[0] == b"inside"
    assert read_regular(root / "out.txt", 100)[0] == b"secret", "without a project: as named"
    with pytest.raises(Refused) as no_link:
        read_regular(root / "in.txt", 100, project, follow=False)
    assert no_link.value.reason == LINK


def test_holds_and_leads_out(places: tuple[ProjectRoot, Path, Path]) -> None:
    project, root, outside = places
    os.symlink(outside, root / "linked")
    assert project.holds(root / "inside.txt") and project.holds(root)
    assert not project.holds(outside) and not project.holds(str(root) + "-other")
    assert project.leads_out(root / "linked" / "secret.txt")
    assert not project.leads_out(root / "inside.txt")
    assert not project.leads_out(outside / "secret.txt"), "outside as written: not ours to judge"


@pytest.mark.parametrize(
    ("value", "normal"),
    [("content", "content"), ("content/", "content"), ("./a/../b", "b"), ("", "."), (".", ".")],
)
def test_project_paths(places: tuple[ProjectRoot, Path, Path], value: str, normal: str) -> None:
    project, _root, _outside = places
    assert project_path(project, "static", value, None) == normal


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("/etc", "is an absolute path"),
        ("C:/Windows", "is an absolute path"),
        ("\\\\server\\share", "is an absolute path"),
        ("..", "leads out of the project"),
        ("a/../../b", "leads out of the project"),
        ("..\\b", "leads out of the project"),
        ("linked/x", "goes through a link that leads outside the project"),
        ("a\0b", "NUL character"),
    ],
)
def test_project_paths_that_leave_are_config_errors(
    places: tuple[ProjectRoot, Path, Path], value: str, says: str
) -> None:
    project, root, outside = places
    os.symlink(outside, root / "linked")
    with pytest.raises(ConfigError) as raised:
        project_path(project, "static", value, root / "klm-lint.toml")
    assert raised.value.message.startswith(f"{root / 'klm-lint.toml'}: static: {value!r}")
    assert says in raised.value.message


def test_a_named_file_is_read_as_text(places: tuple[ProjectRoot, Path, Path]) -> None:
    project, root, _outside = places
    assert read_config_file(project, "authors", "inside.txt", None) == (
        str(root / "inside.txt"),
        "inside",
    )
    with pytest.raises(ConfigError, match=r"authors: missing.txt does not exist in "):
        read_config_file(project, "authors", "missing.txt", None)
    (root / "latin.txt").write_bytes(b"caf\xe9")
    with pytest.raises(ConfigError, match=r"cannot read latin.txt \(it is not UTF-8\)"):
        read_config_file(project, "authors", "latin.txt", None)


def test_nothing_is_written_through_a_link_out_of_the_working_directory(
    places: tuple[ProjectRoot, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _project, root, outside = places
    monkeypatch.chdir(root)
    os.symlink(outside / "secret.txt", root / "report.json")
    with pytest.raises(Refused):
        check_written_here("report.json")
    check_written_here("new.json")
    check_written_here(outside / "elsewhere.json")


def test_a_temporary_file_is_new_private_and_never_an_existing_one(tmp_path: Path) -> None:
    handle, path = temporary_file(tmp_path, ".index-")
    os.close(handle)
    name = os.path.basename(path)
    assert os.path.dirname(path) == str(tmp_path)
    assert name.startswith(".index-") and name.endswith(".tmp")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    other_handle, other = temporary_file(tmp_path, ".index-")
    os.close(other_handle)
    assert other != path


def test_a_temporary_file_is_never_made_through_a_link_nor_over_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside"
    (tmp_path / "cache").mkdir()
    names = iter([b"\x01" * 6, b"\x02" * 6, b"\x03" * 6])
    monkeypatch.setattr(os, "urandom", lambda _size: next(names))
    (tmp_path / "cache" / f".index-{'01' * 6}.tmp").symlink_to(outside)
    (tmp_path / "cache" / f".index-{'02' * 6}.tmp").write_text("kept")
    handle, path = temporary_file(tmp_path / "cache", ".index-")
    os.close(handle)
    assert path.endswith(f".index-{'03' * 6}.tmp")
    assert not outside.exists(), "the link was not written through"
    assert (tmp_path / "cache" / f".index-{'02' * 6}.tmp").read_text() == "kept"
    monkeypatch.setattr(os, "urandom", lambda _size: b"\x02" * 6)
    with pytest.raises(FileExistsError):
        temporary_file(tmp_path / "cache", ".index-")
