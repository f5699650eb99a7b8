#!/usr/bin/env python3
"""Embeds the web UI (web/) in the dfnc binary: writes a C source with each
file's bytes, MIME type and ETag (a SHA-256 prefix of the bytes), sorted by URL
path for web_asset_find's binary search, and a depfile listing every input so
ninja rebuilds when any file (or the folder's list of files) changes.
index.html is also emitted in a Ukrainian variant (<html lang="uk">) so the
server can pick the initial language from Accept-Language.

A phone on a venue's crowded network pays for every byte and every round trip:
- each text file is also kept gzip-compressed (when that saves a tenth or
  more), for clients that accept it;
- the files have a version, a hash of them all, and index.html names them
  under /v/VERSION/ (the stylesheet, the first script, the icon), so the
  server may let browsers keep them for good: a new build has a new version.
  Scripts import each other by relative paths and the strings are fetched
  relative to their module, so everything the page loads is under the
  version; index.html itself is revalidated on every load;
- index.html asks for every module at once (modulepreload) and for the
  English strings (the fallback of every language) and its own language's,
  rather than one import after another.
Usage: embed_web.py WEB_DIR OUTPUT.c DEPFILE"""
import gzip
import hashlib
import os
import sys

MIME = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.txt': 'text/plain; charset=utf-8',
    '.webmanifest': 'application/manifest+json',
}
SKIP = {'meson.build', 'README.md'}
COMPRESSIBLE = ('text/', 'application/json', 'application/manifest+json', 'image/svg+xml')


def c_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def write_bytes(o, name, data):
    o.write('static const unsigned char %s[] = {\n' % name)
    for k in range(0, len(data), 16):
        o.write('    ' + ','.join('0x%02x' % b for b in data[k:k + 16]) + ',\n')
    o.write('    0x00};\n')


def collect(root):
    files, dirs = [], [root]
    for d, subdirs, names in os.walk(root):
        subdirs[:] = sorted(x for x in subdirs if not x.startswith('.'))
        dirs.extend(os.path.join(d, x) for x in subdirs)
        for n in sorted(names):
            if n.startswith('.') or n in SKIP or n.endswith('~'):
                continue
            ext = os.path.splitext(n)[1]
            if ext not in MIME:
                sys.exit('embed_web.py: %s: no MIME type for "%s"' % (os.path.join(d, n), ext))
            files.append(os.path.join(d, n))
    return files, dirs


def replace_once(html, old, new):
    if html.count(old) != 1:
        sys.exit('embed_web.py: index.html must hold %s once' % old.decode())
    return html.replace(old, new)


def versioned_index(html, version, urls, lang):
    """index.html naming its files under /v/VERSION/, preloading every module
    and the strings lang needs, with <html lang=...>."""
    prefix = b'/v/' + version.encode()
    for attr in (b'href="/css/app.css"', b'src="/js/app.js"', b'href="/favicon.svg"'):
        name, value = attr.split(b'="', 1)
        html = replace_once(html, attr, name + b'="' + prefix + value)
    modules = sorted(u for u in urls if u.startswith('/js/') and u.endswith('.js') and u != '/js/app.js')
    strings = ['/i18n/en.json'] + (['/i18n/%s.json' % lang] if lang != 'en' else [])
    links = b''.join(b'<link rel="modulepreload" href="%s%s">\n' % (prefix, u.encode()) for u in modules)
    links += b''.join(b'<link rel="preload" href="%s%s" as="fetch" crossorigin>\n' % (prefix, u.encode())
                      for u in strings)
    html = replace_once(html, b'<script type="module"', links + b'<script type="module"')
    if lang != 'en':
        html = replace_once(html, b'<html lang="en">', b'<html lang="%s">' % lang.encode())
    return html


def compressed(mime, data):
    """data gzip-compressed (the same bytes every build), or None when the
    type is already compressed or it saves less than a tenth."""
    if not mime.startswith(COMPRESSIBLE):
        return None
    gz = gzip.compress(data, compresslevel=9, mtime=0)
    return gz if len(gz) <= len(data) * 0.9 else None


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    root, out, depfile = sys.argv[1:]
    files, dirs = collect(root)
    assets = []  # (url path, lang, mime, bytes)
    whole = hashlib.sha256()
    for f in files:
        url = '/' + os.path.relpath(f, root).replace(os.sep, '/')
        data = open(f, 'rb').read()
        whole.update(url.encode() + b'\0' + hashlib.sha256(data).digest())
        assets.append((url, '', MIME[os.path.splitext(f)[1]], data))
    version = whole.hexdigest()[:16]
    index = [a for a in assets if a[0] == '/index.html']
    if not index:
        sys.exit('embed_web.py: no index.html')
    assets.remove(index[0])
    urls = [a[0] for a in assets]
    for lang in ('', 'uk'):
        assets.append(('/index.html', lang, index[0][2],
                       versioned_index(index[0][3], version, urls, lang or 'en')))
    assets.sort(key=lambda a: (a[0], a[1]))
    with open(out + '.tmp', 'w') as o:
        o.write('/* Generated by tools/embed_web.py from web/; do not edit. */\n')
        o.write('#include "http/web_assets.h"\n\n')
        gz = [compressed(mime, data) for (_, _, mime, data) in assets]
        for i, (_, _, _, data) in enumerate(assets):
            write_bytes(o, 'asset_%d' % i, data)
            if gz[i]:
                write_bytes(o, 'asset_%d_gz' % i, gz[i])
        o.write('\nconst struct web_asset web_assets[] = {\n')
        for i, (url, lang, mime, data) in enumerate(assets):
            tag = hashlib.sha256(data).hexdigest()[:20]
            o.write('    {%s, %s, %s, %s, asset_%d, %d, %s, %s, %d},\n' % (
                c_string(url), c_string(lang), c_string(mime), c_string('"%s"' % tag), i, len(data),
                c_string('"%s-gz"' % tag) if gz[i] else 'NULL',
                'asset_%d_gz' % i if gz[i] else 'NULL', len(gz[i]) if gz[i] else 0))
        o.write('};\nconst int web_assets_n = %d;\n' % len(assets))
        o.write('const char web_assets_version[] = %s;\n' % c_string(version))
    os.replace(out + '.tmp', out)
    with open(depfile, 'w') as d:
        deps = ' '.join(p.replace(' ', '\\ ') for p in files + dirs)
        d.write('%s: %s\n' % (out.replace(' ', '\\ '), deps))


if __name__ == '__main__':
    main()
