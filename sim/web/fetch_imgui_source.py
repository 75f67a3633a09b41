#!/usr/bin/env python3
"""Fetches Dear ImGui's sources from Debian 12's own source package `imgui` into a build folder.

Usage: fetch_imgui_source.py <work dir>    (prints the unpacked source folder on success)

The browser build compiles the very ImGui the desktop program links (libimgui-dev 1.86+ds-1), so
it takes the sources of that package from Debian's archive with apt, through a private apt
configuration under <work dir>: its own sources.list holding one deb-src line for bookworm main,
its own state, cache and list folders. The machine's apt sources are only read (to use the same
mirror), never changed. apt checks the Sources index against the archive's signed Release (the
Debian archive keyring) and the downloaded files against the .dsc's checksums; this script checks
the upstream tarball against the .dsc's SHA-256 once more before unpacking it.
"""
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile

PACKAGE = "imgui"
VERSION = "1.86+ds-1"
ORIG = "imgui_1.86+ds.orig.tar.xz"
TOP = "imgui-1.86"
SUITE = "bookworm"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
FALLBACK_MIRROR = "http://deb.debian.org/debian"


def fail(message):
    sys.stderr.write("fetch_imgui_source: %s\n" % message)
    sys.exit(1)


def machine_mirror():
    """The archive URI the machine's own apt sources use for bookworm (not the security one)."""
    candidates = []
    for path in ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")):
        try:
            lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
        except OSError:
            continue
        for line in lines:
            line = re.sub(r"\[[^\]]*\]", " ", line.split("#", 1)[0]).split()
            if len(line) >= 3 and line[0] in ("deb", "deb-src") and line[2] == SUITE:
                candidates.append(line[1])
    for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
        try:
            text = open(path, encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        for stanza in re.split(r"\n\s*\n", text):
            fields = {}
            for line in stanza.splitlines():
                if line.startswith("#") or ":" not in line:
                    continue
                key, value = line.split(":", 1)
                fields[key.strip().lower()] = value.split()
            if SUITE in fields.get("suites", []) and fields.get("enabled", ["yes"]) != ["no"]:
                candidates.extend(fields.get("uris", []))
    for uri in candidates:
        if uri.startswith(("http://", "https://")) and "security" not in uri:
            return uri.rstrip("/")
    return FALLBACK_MIRROR


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def dsc_sha256(dsc, name):
    """The SHA-256 the .dsc lists for `name`."""
    text = open(dsc, encoding="utf-8", errors="replace").read()
    section = re.search(r"^Checksums-Sha256:\n((?: .*\n)+)", text, re.M)
    if not section:
        fail("%s has no Checksums-Sha256 field" % dsc)
    for line in section.group(1).splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == name:
            return parts[0]
    fail("%s lists no checksum for %s" % (dsc, name))


def main():
    if len(sys.argv) != 2:
        fail("usage: fetch_imgui_source.py <work dir>")
    work = os.path.abspath(sys.argv[1])
    source_dir = os.path.join(work, TOP)
    stamp = os.path.join(work, "verified-sha256")
    download = os.path.join(work, "download")
    orig = os.path.join(download, ORIG)
    if os.path.isfile(stamp) and os.path.isfile(os.path.join(source_dir, "imgui.cpp")):
        print(source_dir)
        return
    if not os.path.isfile(KEYRING):
        fail("%s is missing (Debian package debian-archive-keyring)" % KEYRING)

    etc = os.path.join(work, "apt", "etc")
    state = os.path.join(work, "apt", "state")
    cache = os.path.join(work, "apt", "cache")
    for d in (os.path.join(etc, "sources.list.d"), os.path.join(state, "lists", "partial"),
              os.path.join(cache, "archives", "partial"), download):
        os.makedirs(d, exist_ok=True)
    sources_list = os.path.join(etc, "sources.list")
    mirror = machine_mirror()
    with open(sources_list, "w", encoding="utf-8") as f:
        f.write("deb-src [signed-by=%s] %s %s main\n" % (KEYRING, mirror, SUITE))
    status = os.path.join(state, "status")
    open(status, "a").close()
    apt = ["apt-get", "-q",
           "-o", "Dir::Etc::SourceList=" + sources_list,
           "-o", "Dir::Etc::SourceParts=" + os.path.join(etc, "sources.list.d"),
           "-o", "Dir::State=" + state,
           "-o", "Dir::State::status=" + status,
           "-o", "Dir::Cache=" + cache,
           # Signatures stay checked: an unsigned or wrongly signed index is an error.
           "-o", "Acquire::AllowInsecureRepositories=false",
           "-o", "APT::Get::AllowUnauthenticated=false"]
    if os.geteuid() == 0:
        # As root apt hands downloads to the _apt user, who may not write into this build folder.
        apt += ["-o", "APT::Sandbox::User=root"]
    update = subprocess.run(apt + ["update"], capture_output=True, text=True)
    if update.returncode != 0 or re.search(r"^(W|E): ", update.stderr, re.M):
        fail("apt-get update of the private deb-src list (%s %s main) failed:\n%s%s" %
             (mirror, SUITE, update.stdout, update.stderr))
    got = subprocess.run(apt + ["source", "--download-only", "%s=%s" % (PACKAGE, VERSION)],
                         cwd=download, capture_output=True, text=True)
    if got.returncode != 0:
        fail("apt-get source %s=%s failed:\n%s%s" % (PACKAGE, VERSION, got.stdout, got.stderr))
    dsc = os.path.join(download, "%s_%s.dsc" % (PACKAGE, VERSION))
    if not os.path.isfile(dsc) or not os.path.isfile(orig):
        fail("apt-get source left no %s and %s in %s" % (os.path.basename(dsc), ORIG, download))
    expected = dsc_sha256(dsc, ORIG)
    actual = sha256_of(orig)
    if actual != expected:
        fail("%s has SHA-256 %s but the package's .dsc says %s" % (orig, actual, expected))
    shutil.rmtree(source_dir, ignore_errors=True)
    with tarfile.open(orig) as tar:
        for member in tar.getmembers():
            if not (member.isfile() or member.isdir()) or not member.name.startswith(TOP + "/") \
                    or ".." in member.name.split("/"):
                continue
            tar.extract(member, work)
    with open(stamp, "w", encoding="utf-8") as f:
        f.write("%s  %s\n" % (actual, ORIG))
    print(source_dir)


if __name__ == "__main__":
    main()
