#!/usr/bin/env python3
"""The command line speaks the environment's language: with LANG=es_MX.UTF-8 every help page,
report, error and console line of `moneytrail` comes from es.json, and none of the English
catalogue's sentences is left in what it prints.

Runs the real program: --help of every command, validate, generate (a good and a bad run), run on
a journal of another case, serve until its banner (then SIGTERM: the stop line), and checks
(1) the Spanish texts each of these must print are there, and (2) no literal part of an English
catalogue text that differs from its Spanish text appears in the output. A new English sentence
built in code outside the catalogues shows up as a missing Spanish text; one that is in en.json
but printed regardless of language shows up as English output."""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("--moneytrail", required=True)
parser.add_argument("--source", required=True)
args = parser.parse_args()

ENV = dict(os.environ, LANG="es_MX.UTF-8", LC_ALL="", LC_MESSAGES="",
           ASAN_OPTIONS="detect_leaks=0")
CASE = os.path.join(args.source, "scenarios", "ransomware-peel-chain.yaml")
failures = []


def catalogue(language):
    with open(os.path.join(args.source, "assets", "i18n", language + ".json"), encoding="utf-8") as f:
        return json.load(f)


EN, ES = catalogue("en"), catalogue("es")


def forms(value):
    return list(value.values()) if isinstance(value, dict) else [value]


def literal_parts(text):
    """The parts of a catalogue text between its {placeholders}."""
    return [p.strip() for p in re.split(r"\{[a-z0-9_]+\}", text) if p.strip()]


def spanish(key, **values):
    """The Spanish text of `key` as a pattern: literal parts in order, anything for a value."""
    patterns = []
    for text in forms(ES[key]):
        parts = re.split(r"\{[a-z0-9_]+\}", text)
        patterns.append(".*?".join(re.escape(p) for p in parts))
    return "(" + "|".join(patterns) + ")"


# Literal English parts long enough to be a sentence of ours, not a shared word or an option name.
ENGLISH = set()
for key, value in EN.items():
    if not (key.startswith(("cli.", "serve.", "generate.", "journal.", "import.", "seminar.store.",
                             "seminar.open."))):
        continue
    spanish_parts = set()
    for text in forms(ES.get(key, "")):
        spanish_parts.update(literal_parts(text))
    for text in forms(value):
        for part in literal_parts(text):
            if len(part) >= 12 and part not in spanish_parts:
                ENGLISH.add(part)
assert len(ENGLISH) > 100, len(ENGLISH)
# CLI11's own English for usage errors: the program words them from the catalogues instead.
ENGLISH.update(["was not expected", "were not expected", "is required", "Run with --help",
                "Could not convert", "not in range", "required but received",
                "is not an allowed value", "for more information"])


def run(name, argv, expect, stdin=None, timeout=120):
    done = subprocess.run([args.moneytrail] + argv, env=ENV, capture_output=True, text=True,
                          timeout=timeout, input=stdin)
    check(name, done.stdout + done.stderr, expect)
    return done


def check(name, output, expect):
    for pattern in expect:
        if not re.search(pattern, output, re.S):
            failures.append(f"{name}: expected Spanish text {pattern!r} in:\n{output}")
    for part in sorted(ENGLISH):
        # As a phrase of its own, not inside an option name ("--transactions").
        if re.search(r"(?<![-\w])" + re.escape(part) + r"(?!\w)", output):
            failures.append(f"{name}: English text {part!r} in:\n{output}")


def usage_error(name, argv, expect):
    done = run(name, argv, expect)
    if done.returncode != 2:
        failures.append(f"{name}: exit code {done.returncode}, expected 2 (usage)")


work = tempfile.mkdtemp(prefix="mt-cli-language-")
run("--help", ["--help"], [re.escape("Uso:"), spanish("cli.footer"), spanish("cli.validate.help")])
for command in ["validate", "run", "serve", "generate", "console", "join", "import",
                "export-tagpack", "play"]:
    run(command + " --help", [command, "--help"],
        [re.escape("Uso:"), re.escape("Opciones:"), spanish("cli.label.help_flag")])
# Usage errors: CLI11 finds them, the catalogues word them, naming the option or argument.
usage_error("unknown option", ["validate", "--no-such-option", CASE],
            [spanish("cli.error.extras"), re.escape("--no-such-option"),
             spanish("cli.error.help_hint")])
usage_error("missing argument", ["validate"],
            [spanish("cli.error.required"), re.escape("files"), spanish("cli.error.help_hint")])
usage_error("missing required option", ["join", "--host", "127.0.0.1", "--name", "Ana"],
            [spanish("cli.error.required"), re.escape("--code")])
usage_error("option without its value", ["console", "--secret"],
            [spanish("cli.error.missing_value")])
usage_error("value not allowed", ["run", CASE, "--expert", "--lang", "fr"],
            [spanish("cli.error.invalid_value"), re.escape("fr"), re.escape("--lang")])
usage_error("value not a number", ["serve", CASE, "--port", "abc"],
            [spanish("cli.error.invalid_value"), re.escape("abc"), re.escape("--port")])
run("validate", ["validate", CASE],
    [spanish("cli.validate.ok"), spanish("cli.count.transactions"), spanish("cli.count.entities")])
run("generate", ["generate", "--seed", "3", "--transactions", "3000", "--out", work],
    [spanish("generate.done")])
run("generate bad typology", ["generate", "--typologies", "layering", "--out", work],
    [spanish("generate.error.unknown_typology")])
run("generate bad days", ["generate", "--days", "2", "--out", work],
    [spanish("generate.error.days")])

foreign = os.path.join(work, "foreign.jsonl")
with open(foreign, "w") as f:
    f.write('{"journal":"moneytrail-journal","version":1,"scenario":"other-case"}\n')
run("run on another case's journal", ["run", CASE, "--expert", "--journal", foreign],
    [spanish("journal.error.other_case")])
garbage = os.path.join(work, "garbage.jsonl")
with open(garbage, "w") as f:
    f.write("not json\n{}\n")
run("run on a broken journal", ["run", CASE, "--expert", "--journal", garbage],
    [spanish("journal.error.not_json")])

# serve refuses a file that is not a seminar database, saying so in Spanish.
junk = os.path.join(work, "junk.sqlite")
with open(junk, "w") as f:
    f.write("this is not SQLite\n")
run("serve on a file that is not a seminar database",
    ["serve", CASE, "--bind", "127.0.0.1", "--port", "9", "--db", junk],
    [spanish("seminar.store.cannot_use")])

# serve: the banner, then SIGTERM and the stop line. The port is one the kernel just gave out.
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(
    [args.moneytrail, "serve", CASE, "--bind", "127.0.0.1", "--port", str(port),
     "--db", os.path.join(work, "seminar.sqlite"), "--web-dir", os.path.join(work, "no-client")],
    env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
output = ""
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    line = server.stdout.readline()
    if not line:
        break
    output += line
    if "Ctrl+C" in line:
        break
server.send_signal(signal.SIGTERM)
try:
    rest, _ = server.communicate(timeout=30)
except subprocess.TimeoutExpired:
    server.kill()
    rest, _ = server.communicate()
    failures.append("serve: did not stop on SIGTERM")
check("serve", output + rest,
      [spanish("serve.banner.title"), spanish("serve.banner.join_code"),
       spanish("serve.banner.secret"), spanish("serve.banner.connect"),
       spanish("serve.no_web_client"), spanish("serve.error.web_client_missing"),
       spanish("serve.stop_with_ctrl_c"), spanish("serve.stopped")])

for f in failures:
    print("FAIL", f, file=sys.stderr)
print(f"{len(failures)} failures; {len(ENGLISH)} English sentences looked for")
sys.exit(1 if failures else 0)
