#!/usr/bin/env python3
"""A seminar room for the console's screenshots: 35 trainees join a running `moneytrail serve`
over its HTTP API, as their programs do, and (with --play) work part-way through the case at
different speeds: a few submit, a few stay idle. Standard library only.

Usage: seminar_room.py --port P --code CODE --secret S (join | start | play | end)
"""
import argparse
import json
import pathlib
import urllib.request

NAMES = [
    ("María Fernanda Gutiérrez Ochoa", "FGR"), ("José Luis Hernández Ramírez", "UIF"),
    ("Ana Sofía Martínez", "SSPC"), ("Carlos Alberto Sánchez Pérez", "CNBV"),
    ("Guadalupe Torres Villanueva", "FGJCDMX"), ("Juan Pablo Rodríguez", "Policía Cibernética"),
    ("Alejandra Castillo Moreno", "SAT"), ("Francisco Javier López", "FGR"),
    ("Verónica Ruiz Domínguez", "UIF"), ("Miguel Ángel Flores Cruz", "SSPC"),
    ("Daniela Vázquez Jiménez", "CNBV"), ("Roberto Carlos Morales", "FGJCDMX"),
    ("Patricia Mendoza Aguilar", "Policía Cibernética"), ("Luis Enrique Ortiz Medina", "SAT"),
    ("Claudia Ivonne Reyes", "FGR"), ("Eduardo Gómez Castro", "UIF"),
    ("Mariana Herrera Núñez", "SSPC"), ("Jorge Armando Díaz Rojas", "CNBV"),
    ("Lucía Ramos Salazar", "FGJCDMX"), ("Ricardo Chávez Guerrero", "Policía Cibernética"),
    ("Adriana Romero Mejía", "SAT"), ("Fernando Álvarez Ríos", "FGR"),
    ("Gabriela Navarro Cortés", "UIF"), ("Héctor Manuel Vargas", "SSPC"),
    ("Karla Paola Estrada León", "CNBV"), ("Óscar Iván Sandoval", "FGJCDMX"),
    ("Rosa Elena Figueroa", "Policía Cibernética"), ("Arturo Cabrera Montes", "SAT"),
    ("Silvia Carrillo Ibarra", "FGR"), ("Raúl Andrés Fuentes", "UIF"),
    ("Beatriz Campos Solís", "SSPC"), ("Sergio Iñiguez Valdez", "CNBV"),
    ("Teresa Lara Pacheco", "FGJCDMX"), ("Víctor Hugo Espinoza", "Policía Cibernética"),
    ("Andrea Zamora Quintero", "SAT"),
]


def call(port, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read() or b"{}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--code", required=True)
    p.add_argument("--secret", required=True)
    p.add_argument("--tokens", required=True, help="file keeping the trainees' tokens")
    p.add_argument("--actions", help="JSON Lines of the path the trainees follow (play)")
    p.add_argument("step", choices=["join", "start", "play", "end"])
    a = p.parse_args()
    instructor = {"X-Instructor-Secret": a.secret}
    tokens = pathlib.Path(a.tokens)
    if a.step == "join":
        joined = [call(a.port, "/api/join", {"code": a.code, "name": n, "agency": g})["token"]
                  for n, g in NAMES]
        tokens.write_text(json.dumps(joined))
    elif a.step in ("start", "end"):
        call(a.port, f"/api/instructor/{a.step}", {}, instructor)
    else:
        path = [json.loads(line) for line in pathlib.Path(a.actions).read_text().splitlines()
                if line.strip()]
        for i, token in enumerate(json.loads(tokens.read_text())):
            if i % 9 == 4:
                continue  # has not started: shows as idle
            steps = len(path) if i % 3 == 0 else (i * 5) % len(path)
            for action in path[:steps]:
                try:
                    call(a.port, "/api/action", {"action": action}, {"X-Trainee-Token": token})
                except urllib.error.HTTPError:
                    pass  # an action this trainee's state refuses: as a real trainee's would be
            if i % 6 == 0:
                call(a.port, "/api/action", {"action": {"type": "submit"}},
                     {"X-Trainee-Token": token})


if __name__ == "__main__":
    main()
