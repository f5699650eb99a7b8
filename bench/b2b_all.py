#!/usr/bin/env python3
"""Runs `dfnc schedule --dzn` on every JAIR instance (../shared/data/b2b) with
fairness 2, checks each answer with a validator of its own (independent of the
engine: slots, sessions, forbidden slots, fixed meetings, precedences, tables,
double bookings, breaks and spread recomputed), and prints per-family counts of
best-known matches against best_known.csv, wrong "infeasible" claims and times.

  bench/b2b_all.py [--dfnc build/dfnc] [--data ../shared/data/b2b] [--time-limit 10]
                   [--only original|crafted] [--relabel SEED]

--relabel SEED runs each instance under a random relabelling (participants,
meetings and the two sides of each meeting permuted; seeded by SEED and the
file name), written to a temporary .dzn and validated against it.
"""
import argparse, csv, json, os, random, re, subprocess, sys, tempfile, time


def parse_dzn(path):
    text = re.sub(r"%[^\n]*", "", open(path).read())
    def scalar(name):
        return int(re.search(name + r"\s*=\s*(-?\d+)\s*;", text).group(1))
    def block(name):
        m = re.search(name + r"\s*=\s*\[(.*?)\]\s*;", text, re.S)
        return m.group(1) if m else None
    d = {k: scalar(k) for k in ("nBusiness", "nMeetings", "nTables", "nTotalSlots", "nMorningSlots")}
    rows = [r for r in block("requested").split("|") if r.strip().strip(",")]
    d["req"] = [[int(v) for v in re.findall(r"-?\d+", r)] for r in rows]
    def sets(name):
        b = block(name)
        if b is None:
            return None
        out = []
        for s in re.findall(r"\{(.*?)\}", b):
            vals = set()
            for part in s.split(","):
                part = part.strip()
                if ".." in part:
                    lo, hi = part.split("..")
                    vals.update(range(int(lo), int(hi) + 1))
                elif part:
                    vals.add(int(part))
            out.append(vals - {0})
        return out
    fixed = block("fixed")
    d["fixed"] = [int(v) for v in re.findall(r"-?\d+", fixed)] if fixed else [0] * d["nMeetings"]
    d["forbidden"] = sets("forbidden") or [set() for _ in range(d["nBusiness"])]
    d["prec"] = sets("precedences") or [set() for _ in range(d["nMeetings"])]
    return d


def relabelled(d, rng):
    """The .dzn text of instance d with participants and meetings permuted."""
    B, M = d["nBusiness"], d["nMeetings"]
    pp = list(range(1, B + 1))
    rng.shuffle(pp)
    order = list(range(M))
    rng.shuffle(order)
    new_of = {old: new for new, old in enumerate(order)}
    rows = []
    for old in order:
        a, b, sess = d["req"][old]
        a, b = pp[a - 1], pp[b - 1]
        if rng.random() < 0.5:
            a, b = b, a
        rows.append(f"|{a}, {b}, {sess},")
    forb = [set() for _ in range(B)]
    for i, f in enumerate(d["forbidden"]):
        forb[pp[i] - 1] = f
    def st(vals):
        return "{" + ",".join(str(v) for v in sorted(vals)) + "}"
    return "\n".join([
        f"nBusiness = {B};", f"nMeetings = {M};", f"nTables = {d['nTables']};",
        f"nTotalSlots = {d['nTotalSlots']};", f"nMorningSlots = {d['nMorningSlots']};",
        "requested = [" + "\n".join(rows) + "|];",
        "forbidden = [" + ",\n".join(st(f) for f in forb) + "];",
        "fixed = [" + ",".join(str(d["fixed"][old]) for old in order) + "];",
        "precedences = [" + ",\n".join(st(new_of[q - 1] + 1 for q in d["prec"][old])
                                        for old in order) + "];"]) + "\n"


def validate(d, ans, fairness):
    """None if the answer is a valid complete schedule, else why not."""
    a = ans["assignment"]
    M, S, morning = d["nMeetings"], d["nTotalSlots"], d["nMorningSlots"]
    if len(a) != M:
        return "assignment length"
    if any(s < 1 or s > S for s in a):
        return "a meeting without a slot"
    busy = {}
    per_slot = [0] * (S + 1)
    for m, (p1, p2, sess) in enumerate(d["req"]):
        s = a[m]
        if sess == 1 and s > morning:
            return f"meeting {m+1} morning-only in slot {s}"
        if sess == 2 and s <= morning:
            return f"meeting {m+1} afternoon-only in slot {s}"
        if d["fixed"][m] and d["fixed"][m] != s:
            return f"meeting {m+1} fixed to {d['fixed'][m]} in {s}"
        for p in (p1, p2):
            if s in d["forbidden"][p - 1]:
                return f"participant {p} forbidden in slot {s}"
            if (p, s) in busy:
                return f"participant {p} double-booked in slot {s}"
            busy[(p, s)] = m
        per_slot[s] += 1
        for q in d["prec"][m]:
            if a[q - 1] >= s:
                return f"meeting {q} must precede {m+1}"
    if max(per_slot) > d["nTables"]:
        return "more meetings than tables in a slot"
    breaks = []
    for p in range(1, d["nBusiness"] + 1):
        slots = sorted(s for (q, s) in busy if q == p)
        breaks.append(sum(1 for x, y in zip(slots, slots[1:]) if y > x + 1))
    if sum(breaks) != ans["breaks"]:
        return f"breaks {ans['breaks']} but counted {sum(breaks)}"
    if max(breaks) - min(breaks) > fairness:
        return f"spread {max(breaks) - min(breaks)} over {fairness}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dfnc", default="build/dfnc")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "b2b"))
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--only", choices=["original", "crafted"])
    ap.add_argument("--relabel", type=int, metavar="SEED")
    args = ap.parse_args()
    best = {}
    with open(os.path.join(args.data, "best_known.csv")) as f:
        for row in csv.DictReader(f):
            if row["fairness_d"] == "2":
                best[row["file"]] = row["best_known_breaks"]
    stats = {}
    for name in sorted(best):
        family = "original" if ".original." in name else "crafted"
        if args.only and family != args.only:
            continue
        path = os.path.join(args.data, name)
        if args.relabel is not None:
            rng = random.Random(f"{args.relabel}:{name}")
            tmp = tempfile.NamedTemporaryFile("w", suffix=".dzn", delete=False)
            tmp.write(relabelled(parse_dzn(path), rng))
            tmp.close()
            path = tmp.name
        t0 = time.time()
        out = subprocess.run([args.dfnc, "schedule", "--dzn", path,
                              "--fairness", "2", "--time-limit", str(args.time_limit), "--json"],
                             capture_output=True, text=True)
        wall = time.time() - t0
        st = stats.setdefault(family, dict(n=0, feasible=0, complete=0, matched=0, better=0,
                                           invalid=0, wrong_infeasible=0, proven_infeasible=0,
                                           unknown_on_infeasible=0, optimal=0, max_s=0.0, sum_s=0.0))
        st["n"] += 1
        st["max_s"] = max(st["max_s"], wall)
        st["sum_s"] += wall
        ans = json.loads(out.stdout)
        bk = best[name]
        note = ""
        if bk == "infeasible":
            if ans["status"] == "infeasible":
                st["proven_infeasible"] += 1
            elif ans["status"] == "unknown":
                st["unknown_on_infeasible"] += 1
            else:
                why = validate(parse_dzn(path), ans, 2)
                note = "schedule found where the paper says infeasible: " + (why or "VALID")
        else:
            st["feasible"] += 1
            if ans["status"] == "infeasible":
                st["wrong_infeasible"] += 1
                note = "WRONG infeasible"
            elif ans["status"] in ("feasible", "optimal"):
                why = validate(parse_dzn(path), ans, 2)
                if why:
                    st["invalid"] += 1
                    note = "INVALID: " + why
                else:
                    st["complete"] += 1
                    st["matched"] += ans["breaks"] == int(bk)
                    st["better"] += ans["breaks"] < int(bk)
                    st["optimal"] += ans["status"] == "optimal"
        if args.relabel is not None:
            os.unlink(path)
        print(f"{name:34s} best {bk:>10s}  dfnc {ans['status']:10s} breaks {ans['breaks']:3d}"
              f" lb {str(ans['lower_bound']):>4s} {wall:6.2f}s {note}", flush=True)
    print()
    for fam, st in stats.items():
        print(f"{fam}: {st['n']} instances, {st['feasible']} feasible per the paper; "
              f"complete valid schedules {st['complete']}/{st['feasible']}, best known matched "
              f"{st['matched']}/{st['feasible']} (better {st['better']}), proven optimal {st['optimal']}, "
              f"invalid {st['invalid']}, wrong 'infeasible' {st['wrong_infeasible']}; "
              f"infeasible ones: proven {st['proven_infeasible']}, unknown {st['unknown_on_infeasible']}; "
              f"time max {st['max_s']:.2f}s total {st['sum_s']:.1f}s")


if __name__ == "__main__":
    sys.exit(main())
