#!/usr/bin/env python3
"""Validates an OCDS release package (dfnc procure export --format ocds) against
the OCDS 1.1.5 schemas in DFNC_SHARED_DATA/ocds, with the lots extension merged
into the release schema (JSON Merge Patch, as OCDS extensions are applied).
Also checks what the issue asks of the content: tender.lots, items classified by
CPV with a relatedLot, and parties with the buyer, supplier and funder roles.
Usage: ocds_validate.py PACKAGE.json [--require-funder]"""
import copy
import json
import os
import sys

import jsonschema


def merge_patch(target, patch):
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = dict(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge_patch(out.get(k), v)
    return out


def main():
    path = sys.argv[1]
    need_funder = '--require-funder' in sys.argv[2:]
    ocds = os.path.join(os.environ['DFNC_SHARED_DATA'], 'ocds')
    release_schema = json.load(open(os.path.join(ocds, 'release-schema.json')))
    lots = json.load(open(os.path.join(ocds, 'lots-extension-release-schema.json')))
    release_schema = merge_patch(release_schema, lots)
    package_schema = json.load(open(os.path.join(ocds, 'release-package-schema.json')))
    # The package refers to the release schema by URL; validate releases locally.
    package_schema['properties']['releases']['items'] = {}
    pkg = json.load(open(path))
    errors = []
    v = jsonschema.Draft4Validator(package_schema)
    errors += ['package: %s at %s' % (e.message, list(e.path)) for e in v.iter_errors(pkg)]
    rv = jsonschema.Draft4Validator(release_schema)
    roles = set()
    for r in pkg.get('releases', []):
        errors += ['release %s: %s at %s' % (r.get('id'), e.message, list(e.path))
                   for e in rv.iter_errors(r)]
        lot_ids = {l['id'] for l in r.get('tender', {}).get('lots', [])}
        if not lot_ids:
            errors.append('release %s: no tender.lots' % r.get('id'))
        for it in r.get('tender', {}).get('items', []):
            if it.get('classification', {}).get('scheme') != 'CPV':
                errors.append('item %s: classification scheme is not CPV' % it.get('id'))
            if it.get('relatedLot') not in lot_ids:
                errors.append('item %s: relatedLot %r is not a lot' % (it.get('id'), it.get('relatedLot')))
        party_ids = {p['id'] for p in r.get('parties', [])}
        for a in r.get('awards', []):
            for s in a.get('suppliers', []):
                if s['id'] not in party_ids:
                    errors.append('award %s: supplier %s is not a party' % (a['id'], s['id']))
            for l in a.get('relatedLots', []):
                if l not in lot_ids:
                    errors.append('award %s: related lot %s unknown' % (a['id'], l))
        for p in r.get('parties', []):
            roles.update(p.get('roles', []))
    for role in ['buyer', 'supplier'] + (['funder'] if need_funder else []):
        if role not in roles:
            errors.append('no party has the role %s' % role)
    if not pkg.get('releases'):
        errors.append('the package has no releases')
    for e in errors[:20]:
        print(e)
    if errors:
        sys.exit(1)
    print('ok: %d releases valid' % len(pkg['releases']))


if __name__ == '__main__':
    main()
