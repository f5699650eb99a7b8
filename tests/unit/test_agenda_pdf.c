/* io/agenda_pdf: agendas laid out on A4 pages, read back by poppler's
 * pdftotext and pdfinfo: nothing of a long text lost to the margin, a long
 * agenda going on to pages that repeat the day and count themselves, a page
 * for an empty agenda, Cyrillic kept. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/agenda_pdf.h"

/* The n people p drawn into a file; its path (static). */
static const char *draw(const struct agenda_pdf_person *p, size_t n, int *pages)
{
    static char path[] = "/tmp/dfnc-agenda-pdf-XXXXXX";
    strcpy(path, "/tmp/dfnc-agenda-pdf-XXXXXX");
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    struct agenda_pdf *d = agenda_pdf_begin(f, "test");
    cr_assert_not_null(d);
    *pages = 0;
    for (size_t i = 0; i < n; i++) {
        int k = 0;
        agenda_pdf_add(d, &p[i], &k);
        *pages += k;
    }
    struct df_err err = {0};
    cr_assert_eq(agenda_pdf_end(d, &err), 0, "%s", err.msg);
    cr_assert_eq(fclose(f), 0);
    return path;
}

/* The output of a poppler command on path (pages first to last, 0: all), malloc'd. */
static char *run(const char *tool, const char *path, int first, int last)
{
    char cmd[512];
    if (first)
        snprintf(cmd, sizeof cmd, "%s -f %d -l %d '%s' -", tool, first, last, path);
    else
        snprintf(cmd, sizeof cmd, "%s '%s'%s", tool, path, strcmp(tool, "pdfinfo") ? " -" : "");
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    for (size_t got; (got = fread(out + len, 1, cap - len - 1, p)) > 0;) {
        len += got;
        if (len + 1 == cap)
            out = realloc(out, cap *= 2);
    }
    out[len] = '\0';
    pclose(p);
    return out;
}

static int pdf_pages(const char *path)
{
    char *info = run("pdfinfo", path, 0, 0);
    const char *p = strstr(info, "Pages:");
    int n = p ? atoi(p + 6) : -1;
    free(info);
    return n;
}

/* s without its white space (what a wrapped line joins back to). */
static char *squeezed(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\f')
            *o++ = *s;
    *o = '\0';
    return out;
}

static const struct agenda_pdf_person base = {
    .event = "DFNC2: EU Edition", .event_line = "Tuesday 16 February 2027 · Brussels",
    .name = "Olena Koval", .organisation = "Sokil Aero LLC", .heading = "Your B2B meetings",
    .empty = "You have no B2B meetings at this event.", .page = "Page", .of = "of"};

Test(agenda_pdf, long_text_wraps_without_loss)
{
    char link[512], org[400];
    strcpy(link, "https://meet.example.eu/");
    for (int i = 0; i < 30; i++)
        strcat(link, "abcdefghij0123");   /* one word wider than the page */
    strcpy(org, "The");
    for (int i = 0; i < 30; i++)
        strcat(org, " Defence");
    struct agenda_pdf_partner who = {"Jan Nowak", org, "Poland"};
    struct agenda_pdf_meeting m = {.day = "Tuesday 16 February 2027", .time = "10:40–11:00",
                                   .place = "Online", .link = link,
                                   .interpreter = "Interpreter: Iryna Savchuk (uk-en)",
                                   .partners = &who, .partners_n = 1};
    struct agenda_pdf_person p = base;
    p.m = &m, p.n = 1;
    int pages;
    const char *path = draw(&p, 1, &pages);
    cr_assert_eq(pages, 1);
    char *text = run("pdftotext", path, 0, 0), *flat = squeezed(text), *want = squeezed(link);
    cr_assert_not_null(strstr(flat, want), "the whole link, over several lines");
    free(want);
    want = squeezed(org);
    cr_assert_not_null(strstr(flat, want), "the whole organisation");
    cr_assert_not_null(strstr(text, "Interpreter: Iryna Savchuk (uk-en)"));
    cr_assert_not_null(strstr(text, "Olena Koval · Page 1 of 1"));
    free(want), free(flat), free(text);
    remove(path);
}

Test(agenda_pdf, a_long_agenda_goes_on_and_repeats_its_day)
{
    struct agenda_pdf_partner who = {"Партнер Тест", "ТОВ «Сокіл»", "Україна"};
    struct agenda_pdf_meeting m[40];
    char times[40][32];
    for (int i = 0; i < 40; i++) {
        snprintf(times[i], sizeof times[i], "%02d:%02d–%02d:%02d", 8 + i / 3, i % 3 * 20,
                 8 + (i + 1) / 3, (i + 1) % 3 * 20);
        m[i] = (struct agenda_pdf_meeting){.day = i < 20 ? "вівторок, 16 лютого 2027"
                                                         : "середа, 17 лютого 2027",
                                           .time = times[i], .place = "Стіл 12",
                                           .session = "Зустрічі B2B", .partners = &who,
                                           .partners_n = 1};
    }
    struct agenda_pdf_person p = base;
    p.name = "Олена Коваль", p.page = "Сторінка", p.of = "з", p.m = m, p.n = 40;
    int pages;
    const char *path = draw(&p, 1, &pages);
    cr_assert_geq(pages, 3, "40 meetings: %d pages", pages);
    cr_assert_eq(pdf_pages(path), pages);
    char footer[64];
    snprintf(footer, sizeof footer, "Олена Коваль · Сторінка %d з %d", pages, pages);
    char *last = run("pdftotext", path, pages, pages);
    cr_assert_not_null(strstr(last, footer), "%s", last);
    cr_assert_not_null(strstr(last, "середа, 17 лютого 2027"), "the day said again on a page it goes on to");
    free(last);
    char *all = run("pdftotext", path, 0, 0);
    for (int i = 0; i < 40; i++)
        cr_assert_not_null(strstr(all, times[i]), "meeting %d: %s", i, times[i]);
    cr_assert(strstr(all, times[0]) < strstr(all, times[39]), "in the order given");
    free(all);
    remove(path);
}

Test(agenda_pdf, empty_agenda_and_empty_document)
{
    struct agenda_pdf_person p[2] = {base, base};
    p[1].name = "Jan Nowak";
    int pages;
    const char *path = draw(p, 2, &pages);
    cr_assert_eq(pages, 2, "one page each");
    char *second = run("pdftotext", path, 2, 2);
    cr_assert_not_null(strstr(second, "You have no B2B meetings at this event."));
    cr_assert_not_null(strstr(second, "Jan Nowak · Page 1 of 1"));
    cr_assert_null(strstr(second, "Olena Koval"), "each person on her own page");
    free(second);
    remove(path);
    path = draw(NULL, 0, &pages);
    cr_assert_eq(pages, 0);
    cr_assert_eq(pdf_pages(path), 1, "no agenda: one blank page");
    remove(path);
}

/* fix-programme: the forum's talks and breaks between her meetings, each at
 * its place in the order given, its name and its line saying it is the
 * programme's; no partner, and not a meeting: a paper of talks alone still
 * says she has no meeting. */
Test(agenda_pdf, the_programme_between_her_meetings)
{
    struct agenda_pdf_partner who = {"Jan Nowak", "Nowak Optics", "Poland"};
    struct agenda_pdf_meeting m[3] = {
        {.day = "Tuesday 16 February 2027", .time = "09:00–10:30",
         .place = "Opening plenary: EU-Ukraine defence industrial cooperation",
         .programme = "Talks · On the forum's programme"},
        {.day = "Tuesday 16 February 2027", .time = "10:40–11:00", .place = "Table 12",
         .session = "B2B meetings I", .partners = &who, .partners_n = 1},
        {.day = "Tuesday 16 February 2027", .time = "12:40–14:00", .place = "Lunch",
         .programme = "Break · On the forum's programme"}};
    struct agenda_pdf_person p[2] = {base, base};
    p[0].m = m, p[0].n = 3;
    p[1].name = "Jan Nowak", p[1].m = m, p[1].n = 1;   /* the plenary alone */
    int pages;
    const char *path = draw(p, 2, &pages);
    cr_assert_eq(pages, 2);
    char *first = run("pdftotext", path, 1, 1);
    const char *plenary = strstr(first, "09:00–10:30"), *meeting = strstr(first, "10:40–11:00"),
               *lunch = strstr(first, "12:40–14:00");
    cr_assert(plenary && meeting && lunch && plenary < meeting && meeting < lunch,
              "in the order given: %s", first);
    cr_assert_not_null(strstr(first, "Opening plenary: EU-Ukraine defence industrial cooperation"));
    cr_assert_not_null(strstr(first, "Talks · On the forum's programme"));
    cr_assert_not_null(strstr(lunch, "Lunch"));
    cr_assert_not_null(strstr(lunch, "Break · On the forum's programme"));
    cr_assert_null(strstr(first, "You have no B2B meetings"), "she has a meeting");
    free(first);
    char *second = run("pdftotext", path, 2, 2);
    cr_assert_not_null(strstr(second, "You have no B2B meetings at this event."),
                       "talks are not meetings: %s", second);
    cr_assert_not_null(strstr(second, "Talks · On the forum's programme"));
    free(second);
    remove(path);
}
