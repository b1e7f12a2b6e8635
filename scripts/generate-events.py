#!/usr/bin/env python3
"""Writes samples/tienda-whatsapp.events.csv: a made-up event log for `cjm conform`.

A fixed seed makes the file the same on every run, so the golden outputs in
Tests/JourneyKitTests/Golden/conform/ stay valid. Most cases follow the journey's flows;
some drop off early and a few carry each kind of deviation (docs/observed.md).

Usage: scripts/generate-events.py [--cases N] [--seed S] [OUTPUT]
"""
import argparse
import datetime
import random

ENTRIES = ["anuncio-ctwa", "enlace-web", "enlace-email"]
GREETINGS = ["saludo", "ausencia"]
PAYMENTS = ["pago-whatsapp", "pago-bizum"]
DELIVERIES = [["aviso-envio", "entrega"], ["recogida"]]


def planned_walk(rng):
    walk = [rng.choice(ENTRIES), rng.choice(GREETINGS), "respuesta-stock"]
    if rng.random() < 0.4:
        walk.append("catalogo")
    walk += ["pedido-chat", rng.choice(PAYMENTS)]
    walk += rng.choice(DELIVERIES)
    walk.append("resena")
    if rng.random() < 0.3:
        walk.append("difusion-ofertas")
    return walk


def case_events(rng, walk):
    """(touchpoint, outcome) pairs: the walk, cut short or bent by one deviation now and then."""
    events = [(touchpoint, "ok") for touchpoint in walk]
    roll = rng.random()
    if roll < 0.25:
        # Drops off before the end of the journey.
        events = events[: rng.randint(1, len(events) - 1)]
    elif roll < 0.33:
        # Ad hoc: a phone call the journey does not plan.
        events.insert(rng.randint(1, len(events) - 1), ("llamada-telefono", "ok"))
    elif roll < 0.41:
        # Failing: the payment fails, then succeeds.
        index = next(i for i, (t, _) in enumerate(events) if t in PAYMENTS)
        events.insert(index, (events[index][0], "failed"))
    elif roll < 0.49:
        # Missing: the stock answer is skipped.
        events = [event for event in events if event[0] != "respuesta-stock"]
    elif roll < 0.54:
        # Irregular sequence: a warranty claim, which no flow leads to, right after the review.
        index = next(i for i, (t, _) in enumerate(events) if t == "resena")
        events.insert(index + 1, ("garantia", "ok"))
    return events


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("output", nargs="?", default="samples/tienda-whatsapp.events.csv")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = datetime.datetime(2026, 10, 1, 8, 0, tzinfo=datetime.timezone.utc)
    rows = []
    for number in range(1, args.cases + 1):
        case = f"pedido-{number:04d}"
        persona = rng.choice(["montador", "tecnico", "maria"])
        time = start + datetime.timedelta(minutes=rng.randint(0, 30 * 24 * 60))
        for touchpoint, outcome in case_events(rng, planned_walk(rng)):
            rows.append((case, time.strftime("%Y-%m-%dT%H:%M:%SZ"), touchpoint, outcome, persona))
            time += datetime.timedelta(minutes=rng.randint(1, 600))
    # Logs come in time order, not case order: conform sorts each case's events itself.
    rows.sort(key=lambda row: (row[1], row[0]))
    with open(args.output, "w", encoding="utf-8", newline="") as file:
        file.write("case,timestamp,touchpoint,outcome,persona\n")
        for row in rows:
            file.write(",".join(row) + "\n")


if __name__ == "__main__":
    main()
