#!/usr/bin/env python3
"""Writes the CSVs of a joint-procurement forum at a chosen scale: buyers (one
ministry per state, Ukraine's among them), suppliers, their demands and
supplies over division-35 CPV codes, deterministic per seed, for timing the
planner through dfnc import and the API (bench/README.md, "The procurement
plan cached").

Usage: bench/procure_csv.py DIR [--demands 2000] [--supplies 500] [--seed 1]
then: dfnc import organisations DIR/organisations.csv, (people DIR/people.csv),
      dfnc import demands DIR/demands.csv, dfnc import supplies DIR/supplies.csv
"""
import argparse
import csv
import os
import random

# (code, typical unit price in EUR), as bench/procure_bench.c
CODES = [("35331200-5", 3500), ("35331500-8", 2), ("35331300-3", 40), ("35331000-3", 900),
         ("35613000-4", 20000), ("35613100-5", 90000), ("35622700-7", 400000),
         ("35622600-6", 90000), ("35722000-1", 3e6), ("35723000-8", 9e6),
         ("35730000-0", 250000), ("35412100-6", 4e6), ("35412200-7", 1.5e6),
         ("35813000-6", 400), ("35815100-1", 900), ("35322500-2", 3e6)]
STATES = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
          "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "NO",
          "UA"]
DONORS = ["DK", "NL", "SE", "DE"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--demands", type=int, default=2000)
    ap.add_argument("--supplies", type=int, default=500)
    ap.add_argument("--companies", type=int, default=120)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.dir, exist_ok=True)
    companies = [(f"co-{i:04d}", rnd.choice(STATES)) for i in range(a.companies)]
    with open(os.path.join(a.dir, "organisations.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "country", "kind", "sme", "city", "website", "description"])
        for s in STATES:
            w.writerow([f"mod-{s.lower()}", f"Ministry of Defence {s}", s, "government", 0,
                        "", "", "procurement agency"])
        for cid, c in companies:
            w.writerow([cid, f"Company {cid[3:]}", c, "company", rnd.randint(0, 1), "", "",
                        "defence manufacturer"])
    with open(os.path.join(a.dir, "people.csv"), "w", newline="") as f:
        w = csv.writer(f)     # one person per organisation, to sign in as
        w.writerow(["id", "organisation", "name", "email", "title", "languages"])
        for oid in [f"mod-{s.lower()}" for s in STATES] + [cid for cid, _ in companies]:
            w.writerow([f"p-{oid}", oid, f"Person {oid}", f"{oid}@bench.test", "", "en"])
    with open(os.path.join(a.dir, "demands.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "buyer", "country", "cpv", "description", "quantity", "unit",
                    "deliver_by", "max_unit_price_eur", "funder_countries"])
        for i in range(a.demands):
            s = rnd.choice(STATES)
            code, price = rnd.choice(CODES)
            funders = ";".join(sorted(rnd.sample(DONORS, rnd.randint(1, 2)))) \
                if s == "UA" and rnd.random() < 0.5 else ""
            w.writerow([f"dem-{i:05d}", f"mod-{s.lower()}", s, code, f"demand {i}",
                        rnd.randint(1, 400), "unit",
                        f"20{rnd.randint(27, 30)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                        round(price * rnd.uniform(0.9, 1.6), 2), funders])
    with open(os.path.join(a.dir, "supplies.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "organisation", "cpv", "description", "capacity_per_month",
                    "unit_price_eur", "lead_time_days", "production_country",
                    "eu_content_pct", "ua_content_pct"])
        for k in range(a.supplies):
            cid, c = rnd.choice(companies)
            code, price = rnd.choice(CODES)
            eu = rnd.choice([100, 90, 70, 65, 40]) if c != "UA" else rnd.choice([0, 20, 40])
            ua = min(100 - eu, rnd.choice([0, 0, 30, 60])) if c == "UA" else 0
            w.writerow([f"sup-{k:05d}", cid, code, f"supply {k}", rnd.randint(5, 200),
                        round(price * rnd.uniform(0.7, 1.3), 2), rnd.randint(10, 120), c, eu, ua])


if __name__ == "__main__":
    main()
