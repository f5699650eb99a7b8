/* The schema migrations, in order (see migrations.c). */
#ifndef DFNC_STORE_MIGRATIONS_H
#define DFNC_STORE_MIGRATIONS_H

struct store_migration {
    int version;            /* the PRAGMA user_version after it */
    const char *what;
    const char *sql;
};

extern const struct store_migration store_migrations[];
extern const int store_migrations_n;

#endif
