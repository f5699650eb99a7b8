#!/usr/bin/env python3
"""The Ukrainian stemmer on whole paradigms (bench/README.md).

Expands Debian's Ukrainian Hunspell dictionary (hunspell-uk: uk_UA.dic and
uk_UA.aff) into every word's forms with `unmunch` (hunspell-tools), and asks
the engine's tokeniser (build/bench/stem_words) for each form's stem and
other stem. Two sets of paradigms, verbs left out (their infinitives end in
-ти, and the stemmer leaves verbs alone on purpose):
  - the forum's vocabulary: every dictionary word with a form in the CPV
    classifier's Ukrainian labels ($DFNC_SHARED_DATA or ../shared/data);
  - a sample of 30,000 other words (seeded), for what the forum's words miss.
Printed for each: the share of forms that meet their dictionary word's stem,
with no stemming (the form itself, the floor) and with dfnc's stemmer, then
with the other stems the index joins where its texts allow (the bound is 1);
the share of words all of whose forms meet; and how many stems take forms
of two or more dictionary words (over-joining). --misses N lists the forum
words with the most CPV uses whose forms do not all meet; --wrong N the
first N words (alphabetically) whose stem joins one only other words have.

  apt-get install hunspell-uk hunspell-tools
  ninja -C build bench/stem_words && python3 bench/stem_paradigms.py [--misses N]
      [--wrong N] [--stem-words PATH]   (another build's stem_words, to compare two stemmers)
"""
import collections
import json
import os
import random
import re
import subprocess
import sys

DIC = "/usr/share/hunspell/uk_UA.dic"
AFF = "/usr/share/hunspell/uk_UA.aff"
HERE = os.path.dirname(os.path.abspath(__file__))
STEM_WORDS = os.path.join(HERE, "..", "build", "bench", "stem_words")
WORD = re.compile(r"[а-яіїєґ'’ʼ]+")
VERB = re.compile(r"(ти|тися|тись|ться)$")


def paradigms():
    """Every dictionary word's forms, the word first (unmunch prints each
    entry's own word, then the forms its affixes make, entry by entry)."""
    with open(DIC, encoding="utf-8") as f:
        words = [line.split("/")[0].rstrip("\n") for line in f][1:]
    out = subprocess.run(["unmunch", DIC, AFF], capture_output=True, check=True).stdout
    forms = out.decode("utf-8").splitlines()
    groups, j = [], 0
    for i, word in enumerate(words):
        if j >= len(forms) or forms[j] != word:
            sys.exit("stem_paradigms.py: unmunch's output is out of step at %r" % word)
        following = words[i + 1] if i + 1 < len(words) else None
        group = [forms[j]]
        j += 1
        while j < len(forms) and forms[j] != following:
            group.append(forms[j])
            j += 1
        groups.append(group)
    return groups


def cpv_words():
    data = os.environ.get("DFNC_SHARED_DATA") or os.path.join(HERE, "..", "..", "shared", "data")
    with open(os.path.join(data, "cpv", "cpv_uk.json"), encoding="utf-8") as f:
        labels = json.load(f)
    uses = collections.Counter()
    for label in labels.values():
        uses.update(WORD.findall(label.lower()))
    return uses


def stems_of(forms, stem_words):
    text = "\n".join(forms) + "\n"
    out = subprocess.run([stem_words], input=text.encode("utf-8"), capture_output=True,
                         check=True).stdout.decode("utf-8")
    stem, other = {}, {}
    for line in out.splitlines():
        form, s, kind, o, *rest = line.split("\t")   # an older stem_words has no second
        second = rest[0] if rest else ""
        stem[form] = s
        # the other stems the index may join it with: the first, else the second
        other[form] = tuple(x for x in (o if kind != "0" else "", second) if x)
    return stem, other


def measure(name, chosen, stem, other, misses, wrongs):
    """As the index joins: a stem all of whose forms give the same other
    stems joins the first of them that the vocabulary (here: the stems of
    every form measured) has; a form meets its word where the two join the
    same stem."""
    rows = []
    owners = collections.defaultdict(set)   # stem -> the words with a form of it
    alts = collections.defaultdict(set)     # stem -> the other stems its forms gave
    for word, forms, uses in chosen:
        w = word.lower()
        forms = [f for f in forms if stem.get(f)]   # stop words have none
        if len(forms) < 2 or not stem.get(w):
            continue
        rows.append((word, w, forms, uses))
        for f in forms:
            owners[stem[f]].add(w)
            alts[stem[f]].add(other[f])

    def joined_to(s):
        a = alts.get(s)
        if a and len(a) == 1:
            for o in next(iter(a)):
                if o in owners:
                    return o
        return s

    words = forms_n = floor = own = joined = whole = whole_joined = 0
    missed = []
    for word, w, forms, uses in rows:
        base = stem[w]
        words += 1
        forms_n += len(forms)
        floor += sum(f == w for f in forms)
        meets = [stem[f] == base for f in forms]
        meets_joined = [joined_to(stem[f]) == joined_to(base) for f in forms]
        own += sum(meets)
        joined += sum(meets_joined)
        whole += all(meets)
        whole_joined += all(meets_joined)
        if not all(meets_joined):
            missed.append((uses, word, [f + ":" + stem[f] for f, m in zip(forms, meets_joined)
                                        if not m], base))
    shared = sum(1 for s in owners.values() if len(s) > 1)
    # a stem joined to another that no word of its own has: a wrong join
    wrong = {}
    for s in owners:
        k = joined_to(s)
        if k != s and not owners[s] & owners[k]:
            for w in owners[s]:
                wrong.setdefault(w, "%s:%s (%s)" % (s, k, ", ".join(sorted(owners[k])[:3])))
    print("%s: %d words, %d forms" % (name, words, forms_n))
    print("  forms meeting their word's stem: no stemming %.4f, dfnc's stemmer %.4f, "
          "with the other stems %.4f (bound 1)" % (floor / forms_n, own / forms_n, joined / forms_n))
    print("  words all of whose forms meet: %.3f, with the other stems %.3f"
          % (whole / words, whole_joined / words))
    print("  stems that take forms of 2+ words: %d; words joined to another word's stem: %d"
          % (shared, len(wrong)))
    for uses, word, forms, base in sorted(missed, reverse=True)[:misses]:
        print("    %4d %s (%s): %s" % (uses, word, base, " ".join(forms[:8])))
    for w in sorted(wrong)[:wrongs]:
        print("    wrong: %s %s" % (w, wrong[w]))


def main(argv):
    misses = int(argv[argv.index("--misses") + 1]) if "--misses" in argv else 0
    wrongs = int(argv[argv.index("--wrong") + 1]) if "--wrong" in argv else 0
    stem_words = argv[argv.index("--stem-words") + 1] if "--stem-words" in argv else STEM_WORDS
    for path in (DIC, AFF):
        if not os.path.exists(path):
            sys.exit("stem_paradigms.py: no %s (apt-get install hunspell-uk hunspell-tools)" % path)
    if not os.path.exists(stem_words):
        sys.exit("stem_paradigms.py: no %s (ninja -C build bench/stem_words)" % stem_words)
    uses = cpv_words()
    forum, others = [], []
    for group in paradigms():
        word = group[0]
        if VERB.search(word) or not re.fullmatch(r"[а-яіїєґА-ЯІЇЄҐ'ʼ]+", word):
            continue
        forms = sorted({f.lower() for f in group})
        n = sum(uses[f] for f in forms)
        if n:
            forum.append((word, forms, n))
        elif word == word.lower() and len(forms) >= 4:
            others.append((word, forms, 1))
    random.seed(1)
    sample = random.sample(others, min(30000, len(others)))
    stem, other = stems_of(sorted({f for _, fs, _ in forum + sample for f in fs}), stem_words)
    measure("the forum's words (a form in a CPV label)", forum, stem, other, misses, wrongs)
    measure("30,000 other words (seed 1)", sample, stem, other, 0, 0)


if __name__ == "__main__":
    main(sys.argv)
