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


def filled(texts, key, values):
    """The catalogue text of `key` with its {placeholders} filled from `values`."""
    text = texts[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


# validate on a broken case: one problem of each of the case's world, plot, rubric and expert
# sections, each on a compiler-style line (file:line:column) in the environment's language.
with open(CASE, encoding="utf-8") as f:
    broken_text = f.read()
# (text of the shipped case, its broken replacement, the part of it the problem points at,
# message key, arguments (a catalogue word's key as ("term", key)), YAML path)
BREAKS = [
    ("    custodian: bitnova\n", "    custodian: nobody\n", "nobody",
     "case_error.world.unknown_custodian", {"id": "nobody"}, "holdings[0].custodian"),
    ("    at: +36h\n    holding: bitnova-account", "    at: -5h\n    holding: bitnova-account",
     "-5h\n    holding", "case_error.plot.before_start", {"what": ("term", "case_error.plot.the_event")},
     "events[1].at"),
    ("    - {min_percent: 0, label: {en: Needs", "    - {min_percent: 90, label: {en: Needs",
     "90, label: {en: Needs", "case_error.rubric.grade_twice", {"percent": "90"},
     "rubric.grades[3].min_percent"),
    ('{type: explore_address, target: "bc1qtc5k', '{type: explore_address, taget: "bc1qtc5k',
     "taget", "case_error.expert.unknown_key_near",
     {"key": "taget", "near": "target", "type": "explore_address",
      "keys": "type, target, direction, page"}, "expert_solution[1].taget"),
]
broken = os.path.join(work, "broken-case.yaml")
for old, new, _, _, _, _ in BREAKS:
    assert broken_text.count(old) == 1, old
    broken_text = broken_text.replace(old, new)


def problem_lines(texts):
    """The compiler-style line of each broken part, in the language of `texts`."""
    lines = []
    for _, _, part, key, values, path in BREAKS:
        assert broken_text.count(part) == 1, part
        at = broken_text.index(part)
        line = broken_text.count("\n", 0, at) + 1
        column = at - broken_text.rfind("\n", 0, at)
        words = {name: texts[value[1]] if isinstance(value, tuple) else value
                 for name, value in values.items()}
        problem = filled(texts, key, words)
        lines.append(filled(texts, "case_error.line_at",
                            {"where": f"{broken}:{line}:{column}", "problem": problem,
                             "path": path}))
    return lines


with open(broken, "w", encoding="utf-8") as f:
    f.write(broken_text)
for _, _, _, key, _, _ in BREAKS:
    if ES[key] == EN[key]:
        failures.append(f"{key}: the Spanish catalogue has the English text")
for name, env, expected, other in (
        ("validate a broken case", ENV, problem_lines(ES), problem_lines(EN)),
        ("validate a broken case under LANG=C", dict(ENV, LANG="C"), problem_lines(EN),
         problem_lines(ES))):
    done = subprocess.run([args.moneytrail, "validate", broken], env=env, capture_output=True,
                          text=True, timeout=120)
    output = done.stdout + done.stderr
    if env is ENV:
        check(name, output, [])  # no English sentence of the command line's own
    if done.returncode == 0:
        failures.append(f"{name}: exit code 0 for a broken case")
    for line in expected:
        if line not in output:
            failures.append(f"{name}: expected the line {line!r} in:\n{output}")
    for line in other:
        if line in output:
            failures.append(f"{name}: the other language's line {line!r} in:\n{output}")

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
