/* The unit tests' scratch databases: one file per test process in /tmp,
 * removed with the WAL and shared-memory files SQLite keeps beside it. */
#ifndef DFNC_TESTS_SCRATCH_DB_H
#define DFNC_TESTS_SCRATCH_DB_H

#include <stdio.h>
#include <unistd.h>

static inline void scratch_db_remove(const char *path)
{
    char side[256];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

#endif
