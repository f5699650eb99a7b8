#!/usr/bin/env python3
"""Matchmaking on the demo forum (bench/README.md): do partner questions find
the firms that make what they ask for?

The demo forum (`dfnc demo`, src/app/demo.c) draws each organisation's offers
and needs from 14 areas of defence industry, each with three CPV codes. For
every area this asks `dfnc partners` its name, in English and in Ukrainian
("armoured vehicles", "броньована техніка"), from two leads (Ukraine's
ministry of defence and an EU prime contractor), and counts among the best
10: the organisations that offer one of the area's codes (the bound: as many
as there are such organisations other than the lead, at most 10) and those
that only need one. Then the Ukrainian drone maker's meeting
suggestions (`dfnc recommend`, for the person the demo's participant1 login
is: p-0437 for seed 7): how many of its best 10 are from
outside Ukraine, and how many of those need UAVs, aircraft or counter-drone
systems.

  ./build/dfnc --db /tmp/d.db import cpv ../shared/data/cpv/cpv_en.json --lang en
  ./build/dfnc --db /tmp/d.db import cpv ../shared/data/cpv/cpv_uk.json --lang uk
  ./build/dfnc --db /tmp/d.db demo --no-serve
  python3 bench/demo_match.py ./build/dfnc /tmp/d.db [-v]
"""
import json
import os
import re
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
AREA = re.compile(r'\{"([a-z0-9-]+)", "([^"]+)", "([^"]+)",\s*"[^"]+", "[^"]+",\s*'
                  r'\{"([^"]+)", "([^"]+)", "([^"]+)"\}')
LEADS = ("org-0113", "org-0033")   # Ukraine's ministry of defence, an EU prime (seed 7)
AIR = ("35613", "34711", "35600", "35730", "35722", "35125")


def ask(dfnc, db, *args):
    out = subprocess.run([dfnc, "--db", db, *args, "--json"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("demo_match.py: %s failed: %s" % (" ".join(args[:2]), out.stderr.strip()))
    return json.loads(out.stdout)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    dfnc, db, verbose = argv[1], argv[2], "-v" in argv
    with open(os.path.join(HERE, "..", "src", "app", "demo.c"), encoding="utf-8") as f:
        areas = AREA.findall(f.read())
    if len(areas) < 10:
        sys.exit("demo_match.py: the areas of src/app/demo.c were not found")
    offers, needs = {}, {}
    con = sqlite3.connect(db)
    for org, direction, cpv in con.execute(
            "SELECT o.id, c.direction, c.cpv FROM capabilities c "
            "JOIN organisations o ON o.rid = c.org_rid"):
        (offers if direction == "offer" else needs).setdefault(org, set()).add(cpv)
    for lang in ("en", "uk"):
        offering = needing = answers = bound = 0
        for lead in LEADS:
            for key, en, uk, *codes in areas:
                question = en if lang == "en" else uk
                hits = ask(dfnc, db, "partners", "--lead", lead, "--text", question, "--top", "10")
                bound += min(len(hits), sum(1 for org, cpvs in offers.items()
                                            if org != lead and cpvs & set(codes)))
                o = sum(bool(offers.get(h["org"], set()) & set(codes)) for h in hits)
                n = sum(bool(needs.get(h["org"], set()) & set(codes)) and
                        not offers.get(h["org"], set()) & set(codes) for h in hits)
                offering, needing, answers = offering + o, needing + n, answers + len(hits)
                if verbose:
                    print("  %s %-14s offer %2d, only need %2d: %s" % (lead, key, o, n, question))
        print("%s questions (%d answers): of the best 10, offering the area asked %.3f "
              "(bound %.3f), only needing it %.3f" % (lang, answers, offering / answers,
                                                        bound / answers, needing / answers))
    drone_maker = con.execute(
        "SELECT p.id FROM users u JOIN people p ON p.rid = u.person_rid "
        "WHERE u.email = 'participant1@demo.dfnc'").fetchone()[0]
    hits = ask(dfnc, db, "recommend", drone_maker, "--top", "20")
    abroad = [h for h in hits[:10] if h["country"] != "UA"]
    air = [h for h in abroad if any(c.startswith(AIR) for c in needs.get(h["org"], ()))]
    print("the drone maker's best 10: %d from outside Ukraine, %d of them needing UAVs, aircraft "
          "or counter-drone systems; best 20: %d from outside Ukraine"
          % (len(abroad), len(air), sum(h["country"] != "UA" for h in hits)))


if __name__ == "__main__":
    main(sys.argv)
