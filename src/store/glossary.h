/* The organiser's lines of the partner engine's English-Ukrainian glossary
 * (migration 7): replaced whole by each import, read back in file order. */
#ifndef DFNC_STORE_GLOSSARY_H
#define DFNC_STORE_GLOSSARY_H

#include <stdbool.h>

#include "store/store.h"

struct store_glossary_line {
    int line;             /* in the imported file, for messages */
    const char *en, *uk;  /* one word each, 1-64 characters */
    bool negated;         /* "not": the two do not translate each other */
};

/* Replaces every stored line with these n, in one transaction. */
int store_glossary_replace(struct store *s, const struct store_glossary_line *lines, int n,
                           struct df_err *err);

typedef int (*store_glossary_fn)(void *ud, const struct store_glossary_line *line);
/* In file order; a non-zero return from fn stops the walk and is returned. */
int store_glossary_each(struct store *s, store_glossary_fn fn, void *ud, struct df_err *err);

#endif
