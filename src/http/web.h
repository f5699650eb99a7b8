/* What the web interface adds to the HTTP server: its embedded files (served
 * for every non-API GET or HEAD, index.html for client-side routes) and the
 * endpoints only its pages use. Used by server.c's dispatcher. */
#ifndef DFNC_HTTP_WEB_H
#define DFNC_HTTP_WEB_H

#include "http/internal.h"

/* Routes tried after http_routes (same flags and conventions). */
extern const struct http_route http_web_routes[];
extern const int http_web_routes_n;

/* Replies with the embedded file for r's path (ETag/304, Cache-Control and a
 * strict Content-Security-Policy); index.html in the language Accept-Language
 * prefers for paths that name no file; 404 for a missing file. */
void http_web_serve(struct http_req *r);
/* Whether a non-API path is a page of the UI (its last segment names no
 * file: "/", "/console/event"), which index.html serves. */
bool http_web_is_page(const char *path);
/* Whether kind names one of the console's CSV imports (POST
 * /console/import/{kind}: organisations, people, capabilities, requests,
 * interpreters; not the glossary). */
bool http_web_is_csv_import(const char *kind);
/* Whether r asks for everyone's badges or agendas (GET /console/badges.pdf,
 * /console/agendas.pdf without person=): seconds of drawing at a large
 * forum, which the server runs off the worker thread, one of each at a time
 * (HTTP_SLOT_BADGES, HTTP_SLOT_AGENDAS); named ones stay. */
bool http_web_pdf_is_everyones(const struct http_req *r);
/* Adds the UI's Content-Security-Policy to r's reply. */
void http_web_csp(struct http_req *r);

#endif
