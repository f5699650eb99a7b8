/* Unit tests of src/io/vcard: a contact as RFC 6350 writes it (text
 * escaped, CRLF lines folded at 75 octets between UTF-8 characters,
 * properties left out when empty, language tags checked). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "io/vcard.h"

static char *card(const struct vcard_contact *c)
{
    struct buf b = BUF_INIT(0);
    cr_assert_eq(vcard_append(&b, c), 0);
    return buf_take(&b);
}

Test(vcard, the_properties_in_order_escaped)
{
    char *s = card(&(struct vcard_contact){.name = "Олена Коваль", .title = "CEO; founder, \\ R&D",
                                          .org = "Kryla Aero LLC", .url = "https://kryla.example",
                                          .languages = "uk;en", .note = "DFNC2, 2027-02-16 10:40\nTable 4"});
    cr_assert_str_eq(s, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\nFN:Олена Коваль\r\n"
                        "TITLE:CEO\\; founder\\, \\\\ R&D\r\nORG:Kryla Aero LLC\r\n"
                        "URL:https://kryla.example\r\nLANG;PREF=1:uk\r\nLANG;PREF=2:en\r\n"
                        "NOTE:DFNC2\\, 2027-02-16 10:40\\nTable 4\r\nEND:VCARD\r\n");
    free(s);
}

Test(vcard, empty_properties_and_odd_language_tags_left_out)
{
    char *s = card(&(struct vcard_contact){.name = "A", .title = "", .languages = ";x;fr;e\r\n:n"});
    cr_assert_str_eq(s, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\nFN:A\r\n"
                        "LANG;PREF=1:fr\r\nEND:VCARD\r\n");
    free(s);
}

Test(vcard, a_long_line_folds_between_characters)
{
    char name[200] = "";
    for (int i = 0; i < 40; i++)
        strcat(name, "Ж");   /* two octets each */
    char *s = card(&(struct vcard_contact){.name = name});
    const char *fn = strstr(s, "FN:");
    cr_assert_not_null(fn);
    /* every physical line at most 75 octets, a folded one starting with a space */
    size_t octets = 0;
    for (const char *p = fn; *p; p++) {
        if (p[0] == '\r' && p[1] == '\n') {
            cr_assert_leq(octets, 75);
            octets = 0;
            p++;
            continue;
        }
        octets++;
    }
    cr_assert_not_null(strstr(fn, "\r\n Ж"), "folded before a whole character");
    /* unfolded (CRLF and the space dropped), the name is whole */
    char unfolded[400] = "";
    for (const char *p = fn; *p && strlen(unfolded) < sizeof unfolded - 1;) {
        if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
            p += 3;
            continue;
        }
        strncat(unfolded, p++, 1);
    }
    cr_assert(strncmp(unfolded + 3, name, strlen(name)) == 0);
    free(s);
}

Test(vcard, control_characters_do_not_reach_the_card)
{
    char *s = card(&(struct vcard_contact){.name = "Eve\x1b[2J\rIL", .org = "X\tY"});
    cr_assert_not_null(strstr(s, "FN:Eve[2JIL\r\n"));
    cr_assert_not_null(strstr(s, "ORG:XY\r\n"));
    free(s);
}
